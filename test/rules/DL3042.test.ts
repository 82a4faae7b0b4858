import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3042-pip-cache-dir';

const F = 'FROM python:3.12-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'flag after install', code: `${F}RUN pip install --no-cache-dir flask\n` },
    { name: 'flag at the end', code: `${F}RUN pip3 install flask --no-cache-dir\n` },
    { name: 'flag before the subcommand', code: `${F}RUN pip --no-cache-dir install flask\n` },
    { name: 'abbreviation pip accepts', code: `${F}RUN pip install --no-cache flask\n` },
    { name: 'python -m pip with flag', code: `${F}RUN python3 -m pip install --no-cache-dir -r requirements.txt\n` },
    { name: 'ENV in the stage', code: `${F}ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n` },
    { name: 'ENV "false" also turns the cache off', code: `${F}ENV PIP_NO_CACHE_DIR=false\nRUN pip install flask\n` },
    { name: 'ENV inherited from the base stage', code: `${F.trimEnd()} AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask\n` },
    { name: 'ARG in the stage', code: `${F}ARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n` },
    { name: 'assignment on the command', code: `${F}RUN PIP_NO_CACHE_DIR=1 pip install flask\n` },
    { name: 'export earlier in the RUN', code: `${F}RUN export PIP_NO_CACHE_DIR=yes && pip install flask\n` },
    { name: 'cache mount on pip cache', code: `${F}RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n` },
    { name: 'cache mount on ~/.cache, dst key', code: `${F}RUN --mount=type=cache,dst=/home/app/.cache/ pip install flask\n` },
    { name: 'cache mount on PIP_CACHE_DIR', code: `${F}ENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask\n` },
    { name: 'cache mount on --cache-dir', code: `${F}RUN --mount=type=cache,target=/c pip install --cache-dir=/c flask\n` },
    { name: 'tmpfs mount', code: `${F}RUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask\n` },
    { name: 'other tools', code: `${F}RUN pipx install black && pipenv install && uv pip install flask && poetry install\n` },
    { name: 'other pip subcommands', code: `${F}RUN pip download flask && pip list && pip freeze > r.txt\n` },
    { name: 'python without -m pip', code: `${F}RUN python -m venv /v && python -c "import pip" && python setup.py install\n` },
    { name: 'exec form with flag', code: `${F}RUN ["pip", "install", "--no-cache-dir", "flask"]\n` },
  ],
  invalid: [
    {
      name: 'plain pip install',
      code: `${F}RUN pip install flask\n`,
      errors: [{ range: '2:9-2:16', message: "pip install keeps downloaded packages in pip's cache inside the layer; add --no-cache-dir" }],
      output: `${F}RUN pip install --no-cache-dir flask\n`,
    },
    { name: 'pip3.12 with general option', code: `${F}RUN pip3.12 --disable-pip-version-check install -r requirements.txt\n`, errors: ['2:41-2:48'], output: `${F}RUN pip3.12 --disable-pip-version-check install --no-cache-dir -r requirements.txt\n` },
    { name: 'general option with a value', code: `${F}RUN pip --timeout 60 install x\n`, errors: ['2:22-2:29'], output: `${F}RUN pip --timeout 60 install --no-cache-dir x\n` },
    { name: 'python -m pip', code: `${F}RUN python3 -m pip install --upgrade pip\n`, errors: ['2:20-2:27'], output: `${F}RUN python3 -m pip install --no-cache-dir --upgrade pip\n` },
    { name: 'two commands, one fixed', code: `${F}RUN pip install -U pip && \\\n    pip install --no-cache-dir flask && \\\n    /usr/local/bin/pip install gunicorn\n`, errors: ['2:9-2:16', '4:24-4:31'], output: `${F}RUN pip install --no-cache-dir -U pip && \\\n    pip install --no-cache-dir flask && \\\n    /usr/local/bin/pip install --no-cache-dir gunicorn\n` },
    { name: 'through sudo and sh -c', code: `${F}RUN sudo sh -c 'pip install flask'\n`, errors: ['2:21-2:28'], output: `${F}RUN sudo sh -c 'pip install --no-cache-dir flask'\n` },
    { name: 'heredoc body', code: `${F}RUN <<EOF\nset -e\npip install flask\nEOF\n`, errors: ['4:5-4:12'], output: `${F}RUN <<EOF\nset -e\npip install --no-cache-dir flask\nEOF\n` },
    { name: 'exec form', code: `${F}RUN ["pip", "install", "flask"]\n`, errors: ['2:13-2:22'], output: `${F}RUN ["pip", "install", "--no-cache-dir", "flask"]\n` },
    { name: 'cache mount on another directory', code: `${F}RUN --mount=type=cache,target=/root/.cache/go-build pip install flask\n`, errors: ['2:57-2:64'], output: `${F}RUN --mount=type=cache,target=/root/.cache/go-build pip install --no-cache-dir flask\n` },
    { name: 'bind mount over the cache dir does not count', code: `${F}RUN --mount=type=bind,target=/root/.cache/pip pip install flask\n`, errors: ['2:51-2:58'] },
    { name: 'unexported shell variable', code: `${F}RUN PIP_NO_CACHE_DIR=1; pip install flask\n`, errors: ['2:29-2:36'] },
    { name: 'ENV after the RUN', code: `${F}RUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n`, errors: ['2:9-2:16'] },
    { name: 'ENV with a value pip rejects', code: `${F}ENV PIP_NO_CACHE_DIR=maybe\nRUN pip install flask\n`, errors: ['3:9-3:16'] },
    { name: 'ENV in an unrelated stage', code: `${F.trimEnd()} AS a\nENV PIP_NO_CACHE_DIR=1\n${F}RUN pip install flask\n`, errors: ['4:9-4:16'] },
    { name: 'global ARG is not visible in the stage', code: `ARG PIP_NO_CACHE_DIR=1\n${F}RUN pip install flask\n`, errors: ['3:9-3:16'] },
  ],
});
