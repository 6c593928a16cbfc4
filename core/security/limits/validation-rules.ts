import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { OperationLimitsConfig } from '../../config.js';
import {
  introspectionDisabled,
  queryTooDeep,
  tooManyAliases,
  tooManyDirectives,
} from './limit-errors.js';

/**
 * Builds the validation rules for depth, aliases, directives and introspection. Both transports
 * run them beside graphql-js's specified rules, so they see only documents that parsed.
 */
export function limitValidationRules(limits: OperationLimitsConfig): ValidationRule[] {
  const rules = armorRules(limits);
  if (!limits.introspection) rules.push(noIntrospectionRule);
  return rules;
}

/**
 * Takes graphql-armor's depth, alias and directive rules with our own errors. Armor's token
 * counter is off because it turns a syntax error into HTTP 500, and its cost limit is off
 * because the cost check needs the request's variables. Armor's own field-suggestion masking is
 * an Apollo plugin, which graphql-ws would bypass, so the formatter hides suggestions instead.
 */
function armorRules(limits: OperationLimitsConfig): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      // The standard introspection query nests about 13 levels, so it is allowed or rejected whole.
      ignoreIntrospection: true,
      // A fragment spread is not a level of the response, so it adds no depth.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs((found) => queryTooDeep(found, limits.maxDepth))],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs((found) => tooManyAliases(found, limits.maxAliases))],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportAs((found) => tooManyDirectives(found, limits.maxDirectives))],
    },
  }).protect();
  return [...validationRules];
}

/**
 * Reports our error in place of armor's. Armor passes only its message, which ends with
 * "…limit of N exceeded, found M." in graphql-armor 3.2, and the number is left out if that changes.
 */
function reportAs(
  build: (found: number | undefined) => GraphQLError,
): (context: ValidationContext | null, armorError: GraphQLError) => void {
  return (context, armorError) => {
    const match = /found (\d+)/.exec(armorError.message);
    context?.reportError(build(match ? Number(match[1]) : undefined));
  };
}

/** Rejects `__schema` and `__type`, but allows `__typename`. */
const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      context.reportError(introspectionDisabled(name, node));
    }
  },
});
