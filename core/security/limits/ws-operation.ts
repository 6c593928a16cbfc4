import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { OperationLimitsConfig } from '../../config.js';
import { checkDocumentSize } from './document-size.js';
import { checkNulCharacters } from './nul-characters.js';
import { checkOperationCost } from './operation-cost.js';

/** A graphql-ws `subscribe` message payload. */
export interface WsOperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Checks a graphql-ws operation the way Apollo checks an HTTP one: size and tokens, parsing,
 * validation with the limit rules, operation selection, variables, then arguments and cost. Returns the
 * execution arguments, or the errors that graphql-ws sends back as an `error` message. Each error
 * carries a code, because the formatter masks errors without one.
 */
export function prepareWsOperation(
  schema: GraphQLSchema,
  limits: OperationLimitsConfig,
  validationRules: readonly ValidationRule[],
  payload: WsOperationPayload,
): ExecutionArgs | GraphQLError[] {
  const sizeError =
    checkDocumentSize(payload.query, limits) ??
    checkNulCharacters(payload.query, payload.variables);
  if (sizeError) return [sizeError];

  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
  }

  const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (errors.length > 0) {
    return errors.map((error) =>
      typeof error.extensions.code === 'string'
        ? error
        : withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
    );
  }

  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [operationNotFound(document, payload.operationName)];
  // Apollo reports invalid variables as BAD_USER_INPUT, but graphql-js alone gives them no code.
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    payload.variables ?? {},
  );
  if (coerced.errors) {
    return coerced.errors.map((error) =>
      typeof error.extensions.code === 'string' ? error : withCode(error, 'BAD_USER_INPUT'),
    );
  }
  const costError = checkOperationCost(
    schema,
    { document, operationName: payload.operationName, variables: payload.variables },
    limits.maxCost,
  );
  if (costError) return [costError];

  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error,
    extensions: { code },
  });
}

/** Builds the error, with Apollo's code, for an `operationName` that selects no operation. */
function operationNotFound(document: DocumentNode, name: string | null | undefined): GraphQLError {
  const operations = document.definitions.filter(
    (definition) => definition.kind === 'OperationDefinition',
  ).length;
  const message = name
    ? `Unknown operation named "${name}": send the name of an operation in the document`
    : operations > 1
      ? `The document has ${operations} operations: send operationName to choose one`
      : 'The document has no operation: send a query or a mutation';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
}
