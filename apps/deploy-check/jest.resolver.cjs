// kubernetes-models and @kubernetes-models/* publish `exports` with an `import` condition only, so
// jest's CommonJS resolution (conditions require/default/node) finds nothing — and the Nx resolver's
// TypeScript fallback would then return a .d.ts. Resolve exactly those packages with `import`;
// every other module goes through the Nx resolver unchanged.
const nxResolver = require('@nx/jest/plugins/resolver');

const ESM_ONLY = /^(@kubernetes-models\/|kubernetes-models(\/|$))/;

module.exports = (path, options) =>
  ESM_ONLY.test(path)
    ? options.defaultResolver(path, { ...options, conditions: ['import', 'node', 'default'] })
    : nxResolver(path, options);
