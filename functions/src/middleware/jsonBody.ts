/**
 * Parses a JSON body. Unlike @middy/http-json-body-parser (415 for malformed JSON), a body that is not
 * JSON is the client's input error: 400 naming the body.
 */
import type { MiddlewareObj } from '@middy/core';
import { ValidationError } from '@socle/domain';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

const jsonBody = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  const jsonBodyBefore: MiddlewareObj<APIGatewayProxyEventV2>['before'] = async (request) => {
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === '') return;
    const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    try {
      (request.event as { parsedBody?: unknown }).parsedBody = JSON.parse(text);
    } catch {
      throw new ValidationError([{ path: 'body', message: 'JSON invalide / malformed JSON' }]);
    }
  };
  return { before: jsonBodyBefore };
};

export { jsonBody };
