import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { OperationLimitsConfig } from '../../config.js';
import { documentTooLarge, tooManyTokens } from './limit-errors.js';

/**
 * Checks the size of a document before it is parsed: its UTF-8 length, then its token count.
 * Returns the rejection, or undefined when the document is within both limits. A document that
 * does not lex is left to the parser, which reports the syntax error with its position.
 */
export function checkDocumentSize(
  query: string,
  limits: Pick<OperationLimitsConfig, 'maxDocumentBytes' | 'maxTokens'>,
): GraphQLError | undefined {
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes > limits.maxDocumentBytes) return documentTooLarge(bytes, limits.maxDocumentBytes);
  return countTokens(query, limits.maxTokens) > limits.maxTokens
    ? tooManyTokens(limits.maxTokens)
    : undefined;
}

/** Counts the tokens of `query` as graphql-js's parser counts them, stopping at `limit + 1`. */
function countTokens(query: string, limit: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    // `advance` skips comments, as the parser's own `maxTokens` option does.
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch (error) {
    if (error instanceof GraphQLError) return count;
    throw error;
  }
  return count;
}
