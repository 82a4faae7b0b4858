import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1209-world-writable-permissions';

const F = 'FROM debian:12\n';
ruleTests(rule, {
  valid: [
    { name: 'owner-only write', code: F + 'RUN chmod 755 /a && chmod -R u+rwX,go+rX /b && chmod 0644 /c\n' },
    { name: 'sticky shared dir', code: F + 'RUN chmod 1777 /tmp/x && chmod a+rwxt /shared\n' },
    { name: 'removing write', code: F + 'RUN chmod o-w /a && chmod a-w /b\n' },
    { name: 'group write only', code: F + 'RUN chmod 775 /a && chmod g+w /b && mkdir -m 770 /c\n' },
    { name: 'mode from a variable', code: F + 'ARG MODE=777\nRUN chmod "$MODE" /a\n' },
    { name: 'copy with a safe chmod', code: F + 'COPY --chmod=755 a /a\n' },
    { name: 'reference mode', code: F + 'RUN chmod --reference=/etc/passwd /a\n' },
  ],
  invalid: [
    { name: 'chmod 777', code: F + 'RUN chmod 777 /app\n', errors: [{ range: '2:11-2:14', message: /^chmod 777 makes files writable by every user/ }], output: F + 'RUN chmod 755 /app\n' },
    { name: 'chmod -R 0666 with sudo', code: F + 'RUN sudo chmod -R 0666 /data\n', errors: ['2:19-2:23'], output: F + 'RUN sudo chmod -R 0644 /data\n' },
    { name: 'symbolic a+rwx and o+w: no fix', code: F + 'RUN chmod a+rwx /a && chmod -v u+x,o+w /b\n', errors: ['2:11-2:16', '2:32-2:39'], output: null },
    { name: 'setgid kept', code: F + 'RUN chmod 2777 /a\n', errors: ['2:11-2:15'], output: F + 'RUN chmod 2755 /a\n' },
    { name: 'mkdir -m and install --mode=', code: F + 'RUN mkdir -p -m 777 /a && install --mode=0777 x /b\n', errors: ['2:17-2:20', { range: '2:35-2:46', message: /^install --mode=0777 makes/ }], output: F + 'RUN mkdir -p -m 755 /a && install --mode=0755 x /b\n' },
    { name: 'COPY --chmod', code: F + 'COPY --chmod=777 run.sh /run.sh\n', errors: [{ range: '2:6-2:17', message: /^COPY --chmod=777 makes/ }], output: F + 'COPY --chmod=755 run.sh /run.sh\n' },
  ],
});
