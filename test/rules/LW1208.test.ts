import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1208-pipe-download-to-shell';

const F = 'FROM debian:12\n';
ruleTests(rule, {
  valid: [
    { name: 'download, verify, run', code: F + 'RUN curl -fsSLo i.sh https://x.io/i.sh && sha256sum -c sums && sh i.sh\n' },
    { name: 'pipe into tar', code: F + 'RUN curl -fsSL https://x.io/a.tgz | tar -xz -C /opt\n' },
    { name: 'shell runs a file, stdin is data', code: F + 'RUN curl -fsSL https://x.io/data | python3 process.py\n' },
    { name: 'substitution of something else', code: F + 'RUN sh -c "$(cat /tmp/script)" && eval "$(ssh-agent)"\n' },
    { name: 'pipe from a local command', code: F + 'RUN cat install.sh | sh\n' },
    { name: 'download used as an argument value only', code: F + 'RUN echo "$(curl -fsSL https://x.io/v)" | tee v\n' },
  ],
  invalid: [
    { name: 'curl | sh', code: F + 'RUN curl -fsSL https://x.io/i.sh | sh\n', errors: [{ range: '2:36-2:38', message: '`sh` runs a script straight from `curl`, unverified: download it to a file, check its checksum, then run it' }], output: null },
    { name: 'wget -O- | sudo bash -s -- args', code: F + 'RUN wget -qO- https://x.io/i.sh | sudo bash -s -- --yes\n', errors: ['2:40-2:44'] },
    { name: 'through gunzip', code: F + 'RUN curl -fsSL https://x.io/i.sh.gz | gunzip | python3 -\n', errors: ['2:48-2:55'] },
    { name: 'sh -c "$(curl ...)"', code: F + 'RUN sh -c "$(curl -fsSL https://x.io/i.sh)"\n', errors: ['2:5-2:7'] },
    { name: 'bash <(curl ...)', code: F + 'RUN bash <(curl -fsSL https://x.io/i.sh) --unattended\n', errors: ['2:5-2:9'] },
    { name: 'eval', code: F + 'RUN eval "$(wget -qO- https://x.io/env)"\n', errors: ['2:5-2:9'] },
    { name: 'in a heredoc, after other commands', code: F + 'RUN <<EOF\nset -e\ncurl -fsSL https://x.io/i.sh | bash\nEOF\n', errors: ['4:32-4:36'] },
  ],
});
