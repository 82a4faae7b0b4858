// The shape of one rule module: metadata as data plus a pure check over the model.
import type { Fix, Range, RuleMeta } from '../../../shared/types';
import type { Model } from './model';

/** Facts the host supplies (build context, ...). Empty for now; rules must not do I/O. */
export interface RuleContext {
  readonly host?: Record<string, never>;
}

export interface RawFinding {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  check(model: Model, ctx: RuleContext): RawFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
