import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3028-gem-unpinned';

const F = 'FROM ruby:3.3-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'name:version', code: `${F}RUN gem install bundler:2.5.11 rake:13.2.1\n` },
    { name: 'version option', code: `${F}RUN gem install rails -v 7.1.3 && gem install puma --version=6.4.2 && gem i nokogiri -v1.16.5\n` },
    { name: 'local gem file', code: `${F}RUN gem install ./vendor/mylib-1.0.0.gem\n` },
    { name: 'option values and build options', code: `${F}RUN gem install --no-document -i /opt/gems --source https://rubygems.example mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config\n` },
    { name: 'gem from a variable', code: `${F}ARG GEM=rails\nRUN gem install $GEM\n` },
    { name: 'not install', code: `${F}RUN gem update --system 3.5.11 && gem list && bundle install\n` },
  ],
  invalid: [
    {
      name: 'unpinned gem',
      code: `${F}RUN gem install bundler\n`,
      errors: [{ range: '2:17-2:24', message: 'Pin the version of `bundler`: `bundler:<version>` or `-v <version>`' }],
      output: null,
    },
    { name: 'i alias, each gem', code: `${F}RUN gem i --no-document rake:13.2.1 rspec foreman\n`, errors: ['2:37-2:42', '2:43-2:50'] },
    { name: 'sudo, sh -c, several commands', code: `${F}RUN sudo gem install pry && sh -c 'gem install rubocop'\n`, errors: ['2:22-2:25', '2:48-2:55'] },
    { name: 'continuation lines', code: `${F}RUN gem install \\\n      --no-document \\\n      solargraph\n`, errors: ['4:7-4:17'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\ngem install bundler\nEOF\n`, errors: ['3:13-3:20'] },
    { name: 'exec form', code: `${F}RUN ["gem", "install", "rails"]\n`, errors: ['2:24-2:31'] },
  ],
});
