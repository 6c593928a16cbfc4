import { validate, type ValidationError } from 'class-validator';
import { getNamedType } from 'graphql';
import type { ResolverData } from 'type-graphql';
import { invalidInputs } from './errors.js';

interface Problem {
  field: string;
  message: string;
}

/**
 * Validates decorated input classes with class-validator and reports every problem as
 * BAD_USER_INPUT with the full argument path (`input.contacts.0.email`), value and fix.
 * Nothing reaches a resolver, so invalid input writes nothing.
 */
export async function validateArgument(
  argValue: unknown,
  argType: unknown,
  resolverData: ResolverData<object>,
): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const argName = argumentName(argType, resolverData);
  const problems: Problem[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value as object, {
      forbidUnknownValues: false,
      validationError: { target: false },
    });
    const prefix = Array.isArray(argValue) ? `${argName}.${index}` : argName;
    problems.push(...flatten(errors, prefix));
  }
  if (problems.length > 0) throw invalidInputs(problems);
}

/** Finds the argument of the current field whose input type is `argType`; none for @Args classes. */
function argumentName(argType: unknown, { info }: ResolverData<object>): string | undefined {
  const typeName = typeof argType === 'function' ? argType.name : undefined;
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((arg) => getNamedType(arg.type).name === typeName)?.name;
}

function flatten(errors: ValidationError[], prefix: string | undefined): Problem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((constraint) => ({
      field,
      message: `${field} ${describe(error.value)} is invalid: ${withoutPropertyName(constraint, error.property)}`,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function withoutPropertyName(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
