import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3038-dnf-yes';

const F = 'FROM fedora:40\n';

ruleTests(rule, {
  valid: [
    { name: '-y after install', code: `${F}RUN dnf install -y httpd && dnf clean all\n` },
    { name: 'microdnf, long form, before the subcommand', code: `${F}RUN microdnf --assumeyes install a && dnf -y install b && dnf install -qy c\n` },
    { name: 'options from a variable we cannot see', code: `${F}RUN dnf install $DNF_OPTS httpd\n` },
    { name: 'not install', code: `${F}RUN dnf makecache && dnf clean all && dnf remove -y vim\n` },
    { name: 'yum is DL3030', code: `${F}RUN yum install httpd\n` },
  ],
  invalid: [
    {
      name: 'dnf without -y',
      code: `${F}RUN dnf install httpd && dnf clean all\n`,
      errors: [{ range: '2:9-2:16', message: 'Add -y to `dnf install`: the build cannot answer its confirmation prompt' }],
      output: `${F}RUN dnf install -y httpd && dnf clean all\n`,
    },
    {
      name: 'microdnf with options',
      code: `${F}RUN microdnf --setopt install_weak_deps=0 install jq\n`,
      errors: [{ range: '2:43-2:50', message: /`microdnf install`/ }],
      output: `${F}RUN microdnf --setopt install_weak_deps=0 install -y jq\n`,
    },
    { name: 'module install', code: `${F}RUN dnf module install nodejs:20\n`, errors: ['2:16-2:23'], output: `${F}RUN dnf module install -y nodejs:20\n` },
    {
      name: 'heredoc and sudo',
      code: `${F}RUN <<EOF\nset -e\nsudo dnf5 install jq\nEOF\n`,
      errors: ['4:11-4:18'],
      output: `${F}RUN <<EOF\nset -e\nsudo dnf5 install -y jq\nEOF\n`,
    },
    { name: 'exec form: no fix', code: `${F}RUN ["microdnf", "install", "jq"]\n`, errors: ['2:18-2:27'], output: null },
  ],
});
