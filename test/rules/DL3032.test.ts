import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3032-yum-clean';

const F = 'FROM centos:7\n';

ruleTests(rule, {
  valid: [
    { name: 'yum clean all', code: `${F}RUN yum install -y httpd && yum clean all\n` },
    { name: 'rm -rf the cache, dnf clean all', code: `${F}RUN yum install -y a && rm -rf /var/cache/yum\nRUN yum install -y b && dnf clean all\n` },
    { name: 'cache mount', code: `${F}RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n` },
    { name: 'build stage not in the final image', code: 'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=build /out /\n' },
    { name: 'heredoc that cleans', code: `${F}RUN <<EOF\nset -e\nyum install -y jq\nyum clean all\nEOF\n` },
    { name: 'not install', code: `${F}RUN yum remove -y vim\n` },
  ],
  invalid: [
    {
      name: 'one line',
      code: `${F}RUN yum install -y httpd\n`,
      errors: [{ range: '2:9-2:16', message: 'Run `yum clean all` after `yum install` in the same RUN: otherwise the yum cache stays in the image' }],
      output: `${F}RUN yum install -y httpd && yum clean all\n`,
    },
    { name: 'clean packages is not enough', code: `${F}RUN yum install -y x && yum clean packages\n`, errors: ['2:9-2:16'], output: `${F}RUN yum install -y x && yum clean packages && yum clean all\n` },
    { name: 'clean before the install does not count', code: `${F}RUN yum clean all && yum install -y x\n`, errors: ['2:26-2:33'], output: `${F}RUN yum clean all && yum install -y x && yum clean all\n` },
    {
      name: 'continuation lines, sudo kept',
      code: `${F}RUN sudo yum install -y \\\n      httpd \\\n    && echo ok\n`,
      errors: ['2:14-2:21'],
      output: `${F}RUN sudo yum install -y \\\n      httpd \\\n    && echo ok \\\n    && sudo yum clean all\n`,
    },
    { name: 'trailing comment: no fix', code: `${F}RUN yum install -y x # tools\n`, errors: ['2:9-2:16'], output: null },
  ],
});
