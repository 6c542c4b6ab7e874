/**
 * Evaluation results of a model card: the legacy `model-index` (Papers-with-Code shape) and the
 * new `.eval_results/*.yaml` entry shape (also accepted under an `eval_results` front-matter key,
 * together with huggingface_hub's flat `EvalResult` shape).
 */
import type { EvalResult, Issue } from '../../model';
import { canonicalId } from '../../catalog/ids';
import { asString, isObject } from '../../util/values';

function metricValue(v: unknown): number | string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

function put<K extends keyof EvalResult>(r: EvalResult, key: K, value: EvalResult[K] | undefined): void {
  if (value !== undefined) r[key] = value;
}

/** Results of a `model-index` value. Malformed parts are skipped with one warning. */
export function parseModelIndex(value: unknown, issues: Issue[]): EvalResult[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  const out: EvalResult[] = [];
  let skipped = 0;
  for (const entry of entries) {
    if (!isObject(entry)) {
      skipped++;
      continue;
    }
    const results = entry.results;
    if (results === undefined || results === null) continue;
    for (const res of Array.isArray(results) ? results : [results]) {
      if (!isObject(res)) {
        skipped++;
        continue;
      }
      const task = isObject(res.task)
        ? (asString(res.task.type) ?? asString(res.task.name))
        : asString(res.task);
      const ds = isObject(res.dataset) ? res.dataset : undefined;
      const dsName = ds ? asString(ds.name) : asString(res.dataset);
      const dsType = ds ? asString(ds.type) : undefined;
      const split = ds ? asString(ds.split) : undefined;
      const source = isObject(res.source)
        ? (asString(res.source.url) ?? asString(res.source.name))
        : undefined;
      const metrics = res.metrics;
      if (!Array.isArray(metrics)) {
        skipped++;
        continue;
      }
      for (const m of metrics) {
        if (!isObject(m)) {
          skipped++;
          continue;
        }
        const metric = asString(m.type) ?? asString(m.name);
        const v = metricValue(m.value);
        if (metric === undefined || v === undefined) {
          skipped++;
          continue;
        }
        const r: EvalResult = { metric, value: v };
        put(r, 'task', task);
        put(r, 'dataset', dsName ?? dsType);
        // `dataset.type` is the Hub id; some cards put the task there instead (not an id).
        const idLike =
          dsType !== undefined && dsType.toLowerCase() !== (task ?? '').toLowerCase() ? dsType : undefined;
        put(r, 'datasetId', idLike !== undefined ? canonicalId(idLike) : undefined);
        put(r, 'split', split);
        put(r, 'source', source);
        out.push(r);
      }
    }
  }
  if (skipped > 0) {
    issues.push({
      severity: 'warning',
      code: 'INVALID_MODEL_INDEX',
      message: `model-index: ${skipped} malformed result(s) or metric(s) skipped (each needs task, dataset and metrics with type and value).`,
      path: 'model-index',
    });
  }
  return out;
}

/**
 * Entries in the `.eval_results` shape (`{dataset: {id, task_id}, value, source: {url}}`) or
 * huggingface_hub's flat `EvalResult` (`{task_type, dataset_type, dataset_name, metric_type,
 * metric_value, dataset_split}`). Accepts a list or a single entry.
 */
export function parseEvalResultEntries(value: unknown, issues: Issue[], path = 'eval_results'): EvalResult[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  const out: EvalResult[] = [];
  let skipped = 0;
  for (const e of entries) {
    if (!isObject(e)) {
      skipped++;
      continue;
    }
    if (isObject(e.dataset)) {
      const id = asString(e.dataset.id);
      const v = metricValue(e.value);
      const taskId = asString(e.dataset.task_id);
      if (id === undefined || v === undefined) {
        skipped++;
        continue;
      }
      const r: EvalResult = { metric: asString(e.metric) ?? taskId ?? 'score', value: v };
      put(r, 'task', taskId);
      put(r, 'dataset', id);
      put(r, 'datasetId', canonicalId(id));
      put(
        r,
        'source',
        isObject(e.source) ? (asString(e.source.url) ?? asString(e.source.name)) : asString(e.source),
      );
      out.push(r);
      continue;
    }
    const metric = asString(e.metric_type) ?? asString(e.metric_name);
    const v = metricValue(e.metric_value);
    if (metric === undefined || v === undefined) {
      skipped++;
      continue;
    }
    const r: EvalResult = { metric, value: v };
    put(r, 'task', asString(e.task_type) ?? asString(e.task_name));
    const dsType = asString(e.dataset_type);
    put(r, 'dataset', asString(e.dataset_name) ?? dsType);
    put(r, 'datasetId', dsType !== undefined ? canonicalId(dsType) : undefined);
    put(r, 'split', asString(e.dataset_split));
    put(r, 'source', asString(e.source_url) ?? asString(e.source_name));
    out.push(r);
  }
  if (skipped > 0) {
    issues.push({
      severity: 'warning',
      code: 'INVALID_EVAL_RESULTS',
      message: `${path}: ${skipped} entr(ies) without dataset/metric and value skipped.`,
      path,
    });
  }
  return out;
}
