/**
 * Public verification answers only requests that came through the site's CloudFront distribution,
 * behind its WAF (rate-based rule per viewer IP, managed rules). The public HTTP API keeps its
 * `execute-api` URL (disabling it needs an API custom domain, which the stages do not have), so the
 * verification Lambda refuses whatever lacks CloudFront's origin secret, before any quota, lookup or
 * DynamoDB call: the direct URL gives nothing and costs the table nothing (docs/operations.md).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { cameThroughEdge } from './clientAddress.ts';
import { jsonResponse } from './middleware/response.ts';

type LambdaEntry = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const edgeOnly =
  (entry: LambdaEntry): LambdaEntry =>
  async (event, context) =>
    (await cameThroughEdge(event))
      ? entry(event, context)
      : jsonResponse(403, {
          error: 'edge_only',
          message: 'Accès refusé : passez par le site / forbidden: call the site, not the API directly',
        });

export { edgeOnly };
