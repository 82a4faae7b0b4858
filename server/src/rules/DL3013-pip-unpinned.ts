import { defineRule, type RawFinding } from '../engine/rule';
import { pipCall, pipInstallArgs, pipRequirementPinned } from '../engine/deps';
import { runArgvs } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3013',
    name: 'pip-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package named on a `pip install` command line (also `pip3`, `python -m pip`) without a version specifier.',
      why: 'Pinning versions keeps builds reproducible: `pip install flask` installs whatever is newest on the day of the build, so rebuilding the same Dockerfile later can give a different image, and a new release can break it without any change on your side. Pin on the command line (`flask==3.0.3`), or install from a requirements or lock file that pins everything.',
      bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0\n',
      fix: 'None: the right version is yours to choose. `pip index versions <package>` or `pip freeze` in a working image shows candidates; better still, keep the list in a pinned `requirements.txt` (or a lock file) and install it with `-r`.',
      notes: 'Any version specifier counts as a pin (`==`, `~=`, `>=`, `<`, `!=`), as in hadolint. Also accepted: local paths and archives (`.`, `./pkg`, `dist/x.whl`, `x.tar.gz`), URLs, VCS URLs with `@ref` (`git+https://…/repo@v1.2`), direct references (`name @ url`), and every package of a command that has a constraints file (`-c`/`--constraint`), which may pin them. Unlike hadolint, a requirements file (`-r`) or `.` on the same command does not excuse the other packages written next to it: `pip install -r requirements.txt flask` still flags `flask`. `pip install --upgrade pip` is flagged like any other package. Words written with variables (`$PKG`) are not checked, since we cannot see their value. Each unpinned package is its own finding, on that word; exec-form RUN and heredoc bodies are checked too.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv } of runArgvs(inst)) {
        const call = pipCall(argv);
        if (!call || !call.sub || call.sub.value !== 'install') continue;
        const args = pipInstallArgs(argv, call);
        if (args.constrained) continue;
        for (const w of args.packages) {
          if (pipRequirementPinned(w.value)) continue;
          out.push({ range: w.range, message: `Pin the version of \`${w.value}\`: \`${w.value}==<version>\` (or install from a pinned requirements file)` });
        }
      }
    }
    return out;
  },
});
