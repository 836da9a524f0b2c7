import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './lean-async-resource-bind';

describe('installLeanAsyncResourceBind', () => {
  beforeAll(() => installLeanAsyncResourceBind());

  it('runs a bound function in the async context it was bound in, with its this, arguments and length', () => {
    const storage = new AsyncLocalStorage<string>();
    const bound = storage.run('request-1', () =>
      AsyncResource.bind(function (this: unknown, a: number, b: number) {
        return { store: storage.getStore(), self: this, sum: a + b };
      }),
    );
    const self = { name: 'caller' };
    expect(storage.run('request-2', () => bound.call(self, 2, 3))).toEqual({ store: 'request-1', self, sum: 5 });
    expect(bound.length).toBe(2);
  });

  it('binds to a given this, and still refuses what is not a function', () => {
    const self = { name: 'given' };
    const resource = new AsyncResource('test');
    const bound = resource.bind(function (this: unknown) {
      return this;
    }, self);
    expect(bound()).toBe(self);
    expect(() => resource.bind(42 as unknown as () => void)).toThrow(/must be of type function/);
  });

  it('no longer defines the deprecated asyncResource property, and installs once', () => {
    installLeanAsyncResourceBind();
    expect(Object.keys(AsyncResource.bind(() => 1))).toEqual([]);
  });
});
