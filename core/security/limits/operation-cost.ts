import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../../api/connection.js';
import { badUserInput } from '../../api/errors.js';
import { connectionFirstRequired, queryTooCostly } from './limit-errors.js';

/**
 * Fields evaluated per operation, fragments inlined, before the cost check gives up and rejects
 * it. It bounds the work a fragment that spreads other fragments many times can cause.
 */
const MAX_EVALUATED_FIELDS = 10_000;

/** The parts of a request that the cost check reads. */
export interface CostedOperation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Checks the arguments and cost of the operation a request selects, after validation and before
 * execution. Every connection needs `first` between 0 and {@link MAX_PAGE_SIZE}. The cost is 1 per
 * field, with a connection's selection multiplied by its `first`. Returns one error, or undefined
 * when the operation may run.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  request: CostedOperation,
  maxCost: number,
): GraphQLError | undefined {
  const operation = getOperationAST(request.document, request.operationName);
  // An unknown operation name is reported by the transport with its own code.
  if (!operation) return undefined;
  // Invalid variables fail variable coercion at the start of execution, before any resolver.
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    request.variables ?? {},
  );
  if (coerced.errors) return undefined;

  const missingFirst = new Set<string>();
  const invalidFirst: { field: string; first: unknown }[] = [];
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    if (!isConnectionField(field)) return 1 + childComplexity;
    const name = `${type.name}.${field.name}`;
    const first: unknown = args.first;
    if (first === undefined || first === null) {
      missingFirst.add(name);
      return 1 + childComplexity * MAX_PAGE_SIZE;
    }
    if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > MAX_PAGE_SIZE) {
      invalidFirst.push({ field: name, first });
    }
    return 1 + childComplexity * Math.max(Number(first), 0);
  };

  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: request.document,
      operationName: operation.name?.value,
      variables: request.variables ?? {},
      estimators: [estimator],
      maxQueryNodes: MAX_EVALUATED_FIELDS,
    });
  } catch (error) {
    // graphql-query-complexity 2.0 throws this when it evaluates more than maxQueryNodes fields.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return queryTooCostly(undefined, maxCost);
    }
    throw error;
  }

  if (missingFirst.size > 0) return connectionFirstRequired([...missingFirst], MAX_PAGE_SIZE);
  if (invalidFirst.length > 0) {
    const { field, first } = invalidFirst[0];
    return badUserInput(
      'first',
      `first must be between 0 and ${MAX_PAGE_SIZE} on ${field}, got ${String(first)}: ` +
        `request at most ${MAX_PAGE_SIZE} records and page with after`,
      { http: { status: 400 } },
    );
  }
  return cost > maxCost ? queryTooCostly(cost, maxCost) : undefined;
}

/** Whether a field returns a Relay connection (`…Connection`) and takes `first`. */
function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type: GraphQLNamedType = getNamedType(field.type);
  return (
    isObjectType(type) &&
    type.name.endsWith('Connection') &&
    field.args.some((argument) => argument.name === 'first')
  );
}
