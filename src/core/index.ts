/**
 * Tarn's public core API (stable; other tools call it from Node).
 * - parseFile(file): sniff the format by content and parse it into assets, relations and issues.
 * - evaluateLicenses(scenario): run the license engine on a case in the license-cases.json shape.
 */
export { parseFile, detectFormat } from './formats/parseFile';
export { evaluateLicenses } from './licenses';
export type { Asset, AssetKind, Relation, RelationType, Issue, ParseResult, LicenseInfo } from './model';
