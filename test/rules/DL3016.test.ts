import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3016-npm-unpinned';

const F = 'FROM node:20-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'install from package.json', code: `${F}RUN npm install && npm ci && npm i --omit=dev --no-audit\n` },
    { name: 'versions and ranges', code: `${F}RUN npm install express@4.19.2 lodash@^4.17.0 'react@>=18 <19' -g pnpm@9\n` },
    { name: 'scoped packages', code: `${F}RUN npm i -g @angular/cli@17.3.0 @types/node@20\n` },
    { name: 'tarballs, paths, git with a commit', code: `${F}RUN npm install ./lib ../shared /tmp/pkg.tgz file:vendor/x https://example.com/x.tar.gz git+https://github.com/org/repo.git#v1.2.3 org/repo#abc123\n` },
    { name: 'option values are not packages', code: `${F}RUN npm install --prefix /opt/app --loglevel warn --registry https://registry.example express@4.19.2\n` },
    { name: 'package from a variable', code: `${F}ARG TS=typescript@5.4.5\nRUN npm install -g $TS "\${OTHER}"\n` },
    { name: 'other subcommands', code: `${F}RUN npm run build && npm uninstall left-pad && npm update && npx cowsay hi\n` },
  ],
  invalid: [
    {
      name: 'global install',
      code: `${F}RUN npm install -g typescript\n`,
      errors: [{ range: '2:20-2:30', message: 'Pin the version of `typescript`: `typescript@<version>`' }],
      output: null,
    },
    { name: 'dist-tags are not versions', code: `${F}RUN npm i -g npm@latest @nestjs/cli@next\n`, errors: [{ range: '2:14-2:24', message: /`npm@<version>`/ }, { range: '2:25-2:41', message: /`@nestjs\/cli@<version>`/ }] },
    { name: 'scoped without version', code: `${F}RUN npm add @types/node\n`, errors: ['2:13-2:24'] },
    { name: 'git without a commit, GitHub shorthand, URL without tarball', code: `${F}RUN npm install git+https://github.com/org/repo.git org/tool\n`, errors: ['2:17-2:52', '2:53-2:61'] },
    { name: 'sudo, sh -c, several commands', code: `${F}RUN sudo npm install -g pm2 && sh -c "npm i nodemon@3.1.0 serve"\n`, errors: ['2:25-2:28', '2:59-2:64'] },
    { name: 'continuation lines', code: `${F}RUN npm install --global \\\n      yarn@1.22.22 \\\n      corepack\n`, errors: ['4:7-4:15'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\nnpm install -g prettier\nEOF\n`, errors: ['3:16-3:24'] },
    { name: 'exec form', code: `${F}RUN ["npm", "install", "-g", "eslint"]\n`, errors: ['2:30-2:38'] },
  ],
});
