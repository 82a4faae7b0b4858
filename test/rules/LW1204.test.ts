import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1204-tls-verification-disabled';

const F = 'FROM debian:12\n';
ruleTests(rule, {
  valid: [
    { name: 'verified downloads', code: F + 'RUN curl -fsSL https://x.io/a -o a && wget -q https://x.io/b\n' },
    { name: '-k inside a value or URL', code: F + 'RUN curl -H "X-k: 1" -o -kfile https://x.io/?a=-k\n' },
    { name: 'k after a value-taking letter is its value', code: F + 'RUN curl -sokey https://x.io/a\n' },
    { name: 'other commands with -k', code: F + 'RUN ssh-keygen -k -f x && ls -k\n' },
    { name: 'strict-ssl true', code: F + 'RUN npm config set strict-ssl true && git config --global http.sslVerify true\n' },
    { name: 'apt flags that are fine', code: F + 'RUN apt-get install -y --allow-downgrades x\n' },
    { name: 'env values that keep checks on', code: F + 'ENV PYTHONHTTPSVERIFY=1 NODE_TLS_REJECT_UNAUTHORIZED=1\nARG PIP_TRUSTED_HOST\n' },
    { name: 'dnf setopt unrelated', code: 'FROM fedora:40\nRUN dnf --setopt=install_weak_deps=False -y install git\n' },
  ],
  invalid: [
    { name: 'curl --insecure', code: F + 'RUN curl --insecure -o a https://x.io/a\n', errors: [{ range: '2:10-2:20', message: /^`curl --insecure` turns off TLS certificate verification/ }], output: F + 'RUN curl -o a https://x.io/a\n' },
    { name: 'curl bundle', code: F + 'RUN curl -fsSLk https://x.io/a\n', errors: ['2:10-2:16'], output: F + 'RUN curl -fsSL https://x.io/a\n' },
    { name: 'curl -k at line start', code: F + 'RUN curl \\\n    -k https://x.io/a\n', errors: ['3:5-3:7'], output: F + 'RUN curl \\\n    https://x.io/a\n' },
    { name: 'wget via sudo', code: F + 'RUN sudo wget --no-check-certificate https://x.io/a\n', errors: ['2:15-2:37'], output: F + 'RUN sudo wget https://x.io/a\n' },
    { name: 'pip trusted host', code: F + 'RUN pip install --trusted-host pypi.local -i http://pypi.local x && python3 -m pip config set global.trusted-host pypi.local\n', errors: ['2:17-2:42', '2:95-2:125'], output: null },
    { name: 'npm and yarn strict-ssl', code: F + 'RUN npm config set strict-ssl false && yarn config set strict-ssl=false && npm set strict-ssl false\n', errors: ['2:20-2:36', '2:56-2:72', '2:84-2:100'], output: null },
    { name: 'git config and git -c', code: F + 'RUN git config --global http.sslVerify false && git -c http.sslverify=0 clone https://x.io/r\n', errors: ['2:25-2:45', '2:53-2:72'], output: null },
    { name: 'apk allow-untrusted', code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/x.apk\n', errors: [{ range: '2:24-2:41', message: /installs packages without checking their signatures/ }], output: 'FROM alpine:3.20\nRUN apk add --no-cache /tmp/x.apk\n' },
    { name: 'apt allow-unauthenticated', code: F + 'RUN apt-get install -y --allow-unauthenticated x\n', errors: ['2:24-2:47'], output: F + 'RUN apt-get install -y x\n' },
    { name: 'apt --force-yes without -y', code: F + 'RUN apt-get install --force-yes x\n', errors: ['2:21-2:32'], output: F + 'RUN apt-get install -y x\n' },
    { name: 'apt -o settings', code: F + 'RUN apt-get -o Acquire::https::Verify-Peer=false -o APT::Get::AllowUnauthenticated=true update\n', errors: ['2:13-2:49', '2:50-2:88'], output: null },
    { name: 'yum and dnf', code: 'FROM fedora:40\nRUN yum install -y --nogpgcheck x && dnf config-manager --setopt=myrepo.sslverify=0 --save\n', errors: ['2:20-2:32', '2:57-2:84'], output: 'FROM fedora:40\nRUN yum install -y x && dnf config-manager --setopt=myrepo.sslverify=0 --save\n' },
    { name: 'rpm flags', code: 'FROM fedora:40\nRUN rpm -i --nosignature --nodigest x.rpm\n', errors: ['2:12-2:25', '2:26-2:36'], output: 'FROM fedora:40\nRUN rpm -i x.rpm\n' },
    { name: 'ENV and ARG', code: F + 'ENV PYTHONHTTPSVERIFY=0 NODE_TLS_REJECT_UNAUTHORIZED="0"\nARG PIP_TRUSTED_HOST=pypi.local\nENV GIT_SSL_NO_VERIFY=1 npm_config_strict_ssl=false\n', errors: ['2:5-2:24', '2:25-2:57', '3:5-3:32', '4:5-4:24', '4:25-4:52'], output: null },
    { name: 'assignments in RUN', code: F + 'RUN GIT_SSL_NO_VERIFY=true git clone https://x.io/r && export NODE_TLS_REJECT_UNAUTHORIZED=0\n', errors: ['2:5-2:27', '2:63-2:93'], output: null },
    { name: 'inside sh -c', code: F + "RUN sh -c 'curl -k https://x.io/a | tar x'\n", errors: ['2:17-2:19'], output: F + "RUN sh -c 'curl https://x.io/a | tar x'\n" },
  ],
});
