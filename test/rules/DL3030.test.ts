import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3030-yum-yes';

const F = 'FROM centos:7\n';

ruleTests(rule, {
  valid: [
    { name: '-y after install', code: `${F}RUN yum install -y httpd && yum clean all\n` },
    { name: 'before the subcommand, long form, bundle', code: `${F}RUN yum -y install a && yum --assumeyes install b && yum install -qy c\n` },
    { name: 'after the packages', code: `${F}RUN yum install httpd -y\n` },
    { name: 'options from a known ENV value', code: `${F}ENV YUM_OPTS="-y --setopt=tsflags=nodocs"\nRUN yum install $YUM_OPTS httpd\n` },
    { name: 'options from a variable we cannot see', code: `${F}RUN yum install $YUM_OPTS httpd\n` },
    { name: 'not install', code: `${F}RUN yum makecache && yum clean all && yum remove vim && echo yum install x\n` },
    { name: 'dnf is DL3038', code: `${F}RUN dnf install httpd\n` },
    { name: 'module install with -y', code: `${F}RUN yum module install -y nodejs:18\n` },
  ],
  invalid: [
    {
      name: 'no -y',
      code: `${F}RUN yum install httpd && yum clean all\n`,
      errors: [{ range: '2:9-2:16', message: 'Add -y to `yum install`: the build cannot answer its confirmation prompt' }],
      output: `${F}RUN yum install -y httpd && yum clean all\n`,
    },
    { name: 'option value before the subcommand', code: `${F}RUN yum --enablerepo epel install jq\n`, errors: ['2:27-2:34'], output: `${F}RUN yum --enablerepo epel install -y jq\n` },
    { name: 'groupinstall, sudo', code: `${F}RUN sudo yum groupinstall "Development Tools"\n`, errors: ['2:14-2:26'], output: `${F}RUN sudo yum groupinstall -y "Development Tools"\n` },
    { name: 'module install: on install', code: `${F}RUN yum module install nodejs:18\n`, errors: ['2:16-2:23'], output: `${F}RUN yum module install -y nodejs:18\n` },
    {
      name: 'sh -c and continuation lines',
      code: `${F}RUN sh -c 'yum install gcc' \\\n    && yum install \\\n        make\n`,
      errors: ['2:16-2:23', '3:12-3:19'],
      output: `${F}RUN sh -c 'yum install -y gcc' \\\n    && yum install -y \\\n        make\n`,
    },
    {
      name: 'heredoc body',
      code: `${F}RUN <<EOF\nset -e\nyum install jq\nEOF\n`,
      errors: ['4:5-4:12'],
      output: `${F}RUN <<EOF\nset -e\nyum install -y jq\nEOF\n`,
    },
    { name: '--assumeno is not yes; /usr/bin/yum', code: `${F}RUN /usr/bin/yum --assumeno install x\n`, errors: ['2:29-2:36'], output: `${F}RUN /usr/bin/yum --assumeno install -y x\n` },
    { name: 'exec form: reported without a fix', code: `${F}RUN ["yum", "install", "httpd"]\n`, errors: ['2:13-2:22'], output: null },
  ],
});
