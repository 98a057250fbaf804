/**
 * `Template` assertions as vitest matchers: `expect(template).toHaveResourceProperties(…)`. The
 * CDK methods throw on a mismatch and return nothing, which vitest would not count as an assertion
 * (the root config sets `requireAssertions`).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';

interface TemplateMatchers<R = unknown> {
  toHaveResourceProperties: (type: string, props: unknown) => R;
  toHaveResource: (type: string, props: unknown) => R;
  toHaveResourceCount: (type: string, count: number) => R;
  toHaveOutput: (logicalId: string, props: unknown) => R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration to merge with it.
  interface Matchers<T = any> extends TemplateMatchers<T> {}
}

const check = (received: unknown, assertion: (template: Template) => void) => {
  if (!(received instanceof Template)) {
    return { pass: false, message: () => 'expected a Template (aws-cdk-lib/assertions)' };
  }
  try {
    assertion(received);
    return { pass: true, message: () => 'expected the template not to match, but it does' };
  } catch (error) {
    return { pass: false, message: () => (error as Error).message };
  }
};

expect.extend({
  toHaveResourceProperties: (received: unknown, type: string, props: unknown) =>
    check(received, (template) => template.hasResourceProperties(type, props)),
  toHaveResource: (received: unknown, type: string, props: unknown) =>
    check(received, (template) => template.hasResource(type, props)),
  toHaveResourceCount: (received: unknown, type: string, count: number) =>
    check(received, (template) => template.resourceCountIs(type, count)),
  toHaveOutput: (received: unknown, logicalId: string, props: unknown) =>
    check(received, (template) => template.hasOutput(logicalId, props)),
});
