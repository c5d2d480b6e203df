import type { FormRule } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';

import { fieldErrorText } from '../lib/errors';
import type { FieldProblem } from '../lib/validation';

/** An antd rule from one of lib/validation's checks, with the server's translated message. */
export function ruleFrom<V>(t: TFunction, check: (v: V) => FieldProblem | null): FormRule {
  return ruleObjectFrom(t, check);
}

/** The same as a plain rule object, for rules built from other fields' values (`({ getFieldValue }) => …`). */
export function ruleObjectFrom<V>(t: TFunction, check: (v: V) => FieldProblem | null): RuleObject {
  return {
    validator: (_rule, value: V) => {
      const problem = check(value);
      return problem
        ? Promise.reject(new Error(fieldErrorText(t, problem.code, problem.detail)))
        : Promise.resolve();
    },
  };
}
