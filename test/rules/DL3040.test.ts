import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3040-dnf-clean';

const F = 'FROM fedora:40\n';

ruleTests(rule, {
  valid: [
    { name: 'dnf clean all, microdnf clean all', code: `${F}RUN dnf install -y httpd && dnf clean all\nRUN microdnf install -y jq && microdnf clean all\n` },
    { name: 'rm -rf the cache', code: `${F}RUN dnf install -y a && rm -rf /var/cache/dnf/*\n` },
    { name: 'cache mount', code: `${F}RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n` },
    { name: 'yum is DL3032', code: `${F}RUN yum install -y httpd\n` },
  ],
  invalid: [
    {
      name: 'dnf',
      code: `${F}RUN dnf install -y httpd\n`,
      errors: [{ range: '2:9-2:16', message: 'Run `dnf clean all` after `dnf install` in the same RUN: otherwise the package cache stays in the image' }],
      output: `${F}RUN dnf install -y httpd && dnf clean all\n`,
    },
    {
      name: 'microdnf: cleans with microdnf',
      code: `${F}RUN microdnf install -y jq && microdnf clean metadata\n`,
      errors: [{ range: '2:14-2:21', message: /`microdnf clean all`/ }],
      output: `${F}RUN microdnf install -y jq && microdnf clean metadata && microdnf clean all\n`,
    },
    {
      name: 'heredoc with set -e',
      code: `${F}RUN <<EOF\nset -e\ndnf install -y jq\nEOF\n`,
      errors: ['4:5-4:12'],
      output: `${F}RUN <<EOF\nset -e\ndnf install -y jq\ndnf clean all\nEOF\n`,
    },
  ],
});
