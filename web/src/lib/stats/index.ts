// RegionMap is imported from its file (`$lib/stats/RegionMap.svelte`): its map data (12 KiB gzip)
// would otherwise ride along with every page importing this barrel.
export { default as AgeBarChart } from './AgeBarChart.svelte';
export { default as CsvButtons } from './CsvButtons.svelte';
export { default as KeyFigures } from './KeyFigures.svelte';
export { default as ScrollRegion } from './ScrollRegion.svelte';
export { default as StatementView } from './StatementView.svelte';
export { default as StatsFilters } from './StatsFilters.svelte';
export { default as TimeSeriesChart } from './TimeSeriesChart.svelte';
export { default as VolumesTable } from './VolumesTable.svelte';
export type { StatsFilters as StatsFilterValues } from './period';
export {
  addMonths,
  defaultPeriod,
  filtersFrom,
  filtersHref,
  formatCount,
  formatDays,
  isTimeGrouping,
  monthName,
  monthOf,
  periodName,
  scopeText,
  statementMonths,
  volumesFileName,
} from './period';
