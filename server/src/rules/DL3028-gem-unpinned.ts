import { defineRule, type RawFinding } from '../engine/rule';
import { gemCall, gemOperandPinned, gemVersionOption, installOperands, isGemInstall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3028',
    name: 'gem-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each gem of `gem install` that is not pinned to a version: `gem install rails` instead of `gem install rails:7.1.3` or `gem install rails -v 7.1.3`.',
      why: 'Pinning versions keeps builds reproducible: without a version, every rebuild installs the newest release of the gem (and of its dependencies), so the same Dockerfile can give a different image and a new major version can break it without any change on your side. Application gems belong in a `Gemfile.lock` installed with `bundle install`; tools installed by name need an explicit version.',
      bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
      good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.11\n',
      fix: 'None: the version is yours to choose (`gem list --remote --exact <gem>` shows the newest). Write `gem:version`, or `-v <version>` for a single gem.',
      notes: 'As in hadolint, `name:version` pins one gem and a `-v`/`--version` option pins the command (RubyGems applies it to the gem being installed). Local `.gem` files are accepted; arguments after `--` are build options for native extensions, not gems. Words written with variables are not checked. Each unpinned gem is its own finding, on that word; exec-form RUN and heredoc bodies are checked too.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    // A version option (`-v 1.2`) pins every gem of the command.
    for (const w of installOperands(model, gemCall, (c) => isGemInstall(c) && !gemVersionOption(c))) {
      if (gemOperandPinned(w.value)) continue;
      out.push({ range: w.range, message: `Pin the version of \`${w.value}\`: \`${w.value}:<version>\` or \`-v <version>\`` });
    }
    return out;
  },
});
