import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1205-password-set-in-run';

const F = 'FROM debian:12\n';
ruleTests(rule, {
  valid: [
    { name: 'user without password', code: F + 'RUN useradd -m -s /bin/bash app && adduser -p x y\n' },
    { name: 'the word in a file name', code: F + 'RUN cat /tmp/chpasswd.txt && echo chpasswd\n' },
    { name: 'passwd -d', code: F + 'RUN passwd -d app\n' },
    { name: 'not RUN', code: F + 'CMD ["chpasswd"]\n' },
  ],
  invalid: [
    { name: 'piped into chpasswd', code: F + 'RUN echo "root:toor" | chpasswd\n', errors: [{ range: '2:24-2:32', message: /^`chpasswd` sets a password in the build/ }], output: null },
    { name: 'sudo and sh -c', code: F + "RUN sudo sh -c 'echo a:b | chpasswd -e'\n", errors: ['2:28-2:36'] },
    { name: 'useradd -p and usermod --password', code: F + 'RUN useradd -p "$(openssl passwd -1 x)" app && usermod --password=h app\n', errors: [{ range: '2:13-2:15', message: /^`useradd -p`/ }, { range: '2:56-2:68', message: /^`usermod --password`/ }] },
    { name: 'passwd --stdin in a heredoc', code: F + 'RUN <<EOF\necho x | passwd --stdin app\nEOF\n', errors: ['3:17-3:24'] },
  ],
});
