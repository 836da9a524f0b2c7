import { AsyncResource } from 'node:async_hooks';

const LEAN = Symbol.for('convoy.leanAsyncResourceBind');
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Node 20's `AsyncResource#bind` (also behind the static `AsyncResource.bind`) defines the deprecated
 * `asyncResource` accessors (DEP0172) on every bound function, building two `deprecate()` wrappers per
 * call. Fastify binds one function per request body it parses, Nest one per interceptor step: in the
 * webhook's CPU profile under `npm run bench` that was ~5 % of the API's CPU (`deprecate` alone 4.4 %).
 * This replaces it with the same binding — the function runs in the resource's async scope, with the
 * same `this` and arguments, and keeps its `length` — without the deprecated property. Idempotent.
 */
export function installLeanAsyncResourceBind(): void {
  const proto = AsyncResource.prototype as AsyncResource & { [LEAN]?: true };
  if (proto[LEAN]) return;
  const original = proto.bind as unknown as (this: AsyncResource, fn: unknown, thisArg?: unknown) => AnyFunction;
  const bind = function bind(this: AsyncResource, fn: AnyFunction, thisArg?: unknown): AnyFunction {
    if (typeof fn !== 'function') return original.call(this, fn, thisArg); // Node's own TypeError
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function's own `this` is passed on
    const resource = this;
    const bound: AnyFunction =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return resource.runInAsyncScope(fn, this, ...args);
          }
        : resource.runInAsyncScope.bind(resource, fn, thisArg);
    Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
    return bound;
  };
  Object.defineProperty(proto, 'bind', { configurable: true, writable: true, enumerable: false, value: bind });
  Object.defineProperty(proto, LEAN, { value: true });
}
