import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3013-pip-unpinned';

const F = 'FROM python:3.12-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'pinned with ==', code: `${F}RUN pip install flask==3.0.3 'gunicorn[gevent]==22.0.0'\n` },
    { name: 'other specifiers', code: `${F}RUN pip install "requests>=2.31,<3" 'urllib3~=2.2' "six!=1.0"\n` },
    { name: 'requirements file', code: `${F}RUN pip install -r requirements.txt && pip install --requirement=dev.txt && pip install -rreq.txt\n` },
    { name: 'local project and archives', code: `${F}RUN pip install . && pip install -e . && pip install ./pkg dist/app-1.0-py3-none-any.whl app.tar.gz\n` },
    { name: 'editable path is the option value', code: `${F}RUN pip install --editable ./lib\n` },
    { name: 'VCS with a ref, URL, direct reference', code: `${F}RUN pip install git+https://github.com/org/repo@v1.2 https://example.com/x-1.0.zip 'pkg @ https://example.com/pkg.whl'\n` },
    { name: 'constraints file', code: `${F}RUN pip install -c constraints.txt flask\n` },
    { name: 'option values are not packages', code: `${F}RUN pip install --index-url https://pypi.example/simple -t /opt/lib --progress-bar off flask==3.0.3\n` },
    { name: 'package from a variable', code: `${F}ARG PKG=flask\nRUN pip install $PKG "\${EXTRA}"\n` },
    { name: 'not install', code: `${F}RUN pip download flask && pip uninstall -y flask && pipx install black && uv pip install flask\n` },
  ],
  invalid: [
    {
      name: 'one package',
      code: `${F}RUN pip install flask\n`,
      errors: [{ range: '2:17-2:22', message: 'Pin the version of `flask`: `flask==<version>` (or install from a pinned requirements file)' }],
      output: null,
    },
    { name: 'each unpinned package, python -m pip, pip3', code: `${F}RUN python3 -m pip install --no-cache-dir flask==3.0.3 gunicorn && pip3 install -U pip setuptools\n`, errors: ['2:56-2:64', '2:84-2:87', '2:88-2:98'] },
    { name: 'next to a requirements file', code: `${F}RUN pip install -r requirements.txt uvicorn\n`, errors: ['2:37-2:44'] },
    { name: 'VCS URL without a ref', code: `${F}RUN pip install git+https://github.com/org/repo\n`, errors: ['2:17-2:48'] },
    { name: 'sudo and sh -c', code: `${F}RUN sudo pip install flask && sh -c "pip install django"\n`, errors: ['2:22-2:27', '2:50-2:56'] },
    { name: 'continuation lines', code: `${F}RUN pip install \\\n      flask==3.0.3 \\\n      celery\n`, errors: ['4:7-4:13'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\nset -e\npip install requests\nEOF\n`, errors: ['4:13-4:21'] },
    { name: 'exec form', code: `${F}RUN ["pip", "install", "flask"]\n`, errors: ['2:24-2:31'] },
    { name: 'quoted extras', code: `${F}RUN pip install "uvicorn[standard]"\n`, errors: ['2:17-2:36'] },
  ],
});
