import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3033-yum-unpinned';

const F = 'FROM centos:7\n';

ruleTests(rule, {
  valid: [
    { name: 'pinned versions', code: `${F}RUN yum install -y httpd-2.4.6 openssl-1:1.0.2k-26.el7_9 && yum clean all\n` },
    { name: 'local rpm, url, group, variable', code: `${F}RUN yum install -y ./x.rpm https://example.com/y.rpm @core $PKGS\n` },
    { name: 'option values are not packages', code: `${F}RUN yum --enablerepo epel install -y -x kernel jq-1.6\n` },
    { name: 'module with a stream', code: `${F}RUN yum module install -y nodejs:18\n` },
    { name: 'not install', code: `${F}RUN yum remove -y httpd\n` },
  ],
  invalid: [
    {
      name: 'one finding per unpinned package',
      code: `${F}RUN yum install -y httpd jq-1.6 python3-devel\n`,
      errors: [{ range: '2:20-2:25', message: 'Pin the version of `httpd`: `httpd-<version>`' }, '2:33-2:46'],
      output: null,
    },
    { name: 'module without a stream', code: `${F}RUN yum module install -y nodejs\n`, errors: [{ range: '2:27-2:33', message: 'Pin the stream of module `nodejs`: `nodejs:<stream>`' }], output: null },
    { name: 'heredoc and exec form', code: `${F}RUN <<EOF\nyum install -y jq\nEOF\nRUN ["yum", "install", "-y", "git"]\n`, errors: ['3:16-3:18', '5:30-5:35'], output: null },
  ],
});
