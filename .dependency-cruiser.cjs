/**
 * Layer rules, checked by `npm run deps` (part of `npm test`). Layers point one way:
 *   core ← sites, engine, i18n, palette, state ← map, charts ← ui, presenter ← app
 * (sites: where sites are drawn, shared by the build and the map; engine: a large dataset's columns
 * and their filter kernel, shared by the build and the data worker; import: the list-of-operations
 * reader, used by app and the scripts, never by core; offline: the service worker and its
 * registration, apart from all of them). The build (data/, data-plugin.ts) stands below the page:
 * it uses core, sites, state and import, never the page's own layers.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The pure core (records, compile, filter, attribute, aggregate) imports no layer above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'sites-on-core',
      comment: 'The site layout and the sites file build on core and the columnar engine alone: the build, the data worker and the map all use them.',
      severity: 'error',
      from: { path: '^src/sites/' },
      to: { path: '^src/(?!core/|engine/|sites/)' },
    },
    {
      name: 'engine-on-core',
      comment: 'The columnar engine (columns, kernel, their files, search) builds on core alone: the build, the data worker and the tests use it.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(?!core/|engine/)' },
    },
    {
      name: 'build-below-the-page',
      comment: 'The dataset build never imports the map, the charts, the UI or the app.',
      severity: 'error',
      from: { path: '^(data/|data-plugin\\.ts$)' },
      to: { path: '^src/(map|charts|ui|presenter|app|dataset|i18n|palette|offline)/' },
    },
    {
      name: 'dataset-on-state',
      comment: 'The dataset seam builds on core, sites and state; only the app asks it.',
      severity: 'error',
      from: { path: '^src/dataset/' },
      to: { path: '^src/(map|charts|ui|presenter|app|i18n|palette|import|offline)/' },
    },
    {
      name: 'dataset-behind-app',
      comment: 'Nothing but the app knows how the data is delivered.',
      severity: 'error',
      from: { path: '^src/(?!dataset/|app/|main\\.tsx$)' },
      to: { path: '^src/dataset/' },
    },
    {
      name: 'tours-below-the-page',
      comment: 'Tours made in the page (draft, files, links) build on core and state; the app and the UI use them.',
      severity: 'error',
      from: { path: '^src/tours/' },
      to: { path: '^src/(map|charts|ui|presenter|app|import|dataset|offline)/' },
    },
    {
      name: 'low-layers-stay-low',
      comment: 'i18n, palette and state build on core alone.',
      severity: 'error',
      from: { path: '^src/(i18n|palette|state)/' },
      to: { path: '^src/(map|charts|ui|presenter|app|import|dataset)/' },
    },
    {
      name: 'map-and-charts-meet-in-state',
      comment: 'The map and the charts never import each other.',
      severity: 'error',
      from: { path: '^src/(map|charts)/' },
      to: { path: '^src/(map|charts)/', pathNot: '^src/$1/' },
    },
    {
      name: 'map-and-charts-below-ui',
      severity: 'error',
      from: { path: '^src/(map|charts)/' },
      to: { path: '^src/(ui|presenter|app)/' },
    },
    {
      name: 'ui-and-presenter-below-app',
      severity: 'error',
      from: { path: '^src/(ui|presenter)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'offline-stands-apart',
      comment: 'The service worker and its registration run beside the app: they import nothing of it.',
      severity: 'error',
      from: { path: '^src/offline/' },
      to: { path: '^src/(?!offline/)' },
    },
    { name: 'no-circles', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    babelConfig: { fileName: '.dependency-cruiser.babel.cjs' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    exclude: { path: '\\?(url|raw)$' },
  },
};
