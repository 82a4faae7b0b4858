// Every rule, one module each. Order is the order of --list-rules and the docs index.
import type { Rule } from '../engine/rule';
import dl3025 from './DL3025-shell-form-cmd';
import dl3002 from './DL3002-last-user-root';
import lw1001 from './LW1001-missing-user';
import dl3059 from './DL3059-consecutive-run';
import dl3020 from './DL3020-add-instead-of-copy';
import dl3006 from './DL3006-untagged-image';
import dl3007 from './DL3007-latest-tag';
import lw1002 from './LW1002-unpinned-base-digest';
import dl3008 from './DL3008-apt-get-unpinned';
import dl3009 from './DL3009-apt-lists-not-removed';
import dl3015 from './DL3015-apt-get-recommends';
import dl3042 from './DL3042-pip-cache-dir';
import lw1003 from './LW1003-context-copied-before-install';
import lw1004 from './LW1004-cleanup-in-later-run';

export const allRules: readonly Rule[] = [
  dl3025,
  dl3002,
  lw1001,
  dl3059,
  dl3020,
  dl3006,
  dl3007,
  lw1002,
  dl3008,
  dl3009,
  dl3015,
  dl3042,
  lw1003,
  lw1004,
];
