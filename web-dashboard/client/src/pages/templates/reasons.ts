// The template validator's reasons (plain English from the server) in Chinese. The server's words are the authority:
// a reason this list does not know is shown as the server wrote it.
import type { Lang } from "../../i18n";

const what: Record<string, string> = { section: "维度", indicator: "指标", numerator: "分子", denominator: "分母" };

const zh: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^The (section|indicator) weights sum to (.+); they must sum to 100\.$/, m => `${what[m[1]!]}权重合计为 ${m[2]}，必须等于 100。`],
  [/^A (section|indicator) weight must be greater than 0\.$/, m => `${what[m[1]!]}权重必须大于 0。`],
  [/^A template needs at least one section\.$/, () => "模板至少需要一个维度。"],
  [/^A section needs at least one indicator\.$/, () => "每个维度至少需要一个指标。"],
  [/^Section id '(.*)' is used more than once\.$/, m => `维度 ID“${m[1]}”重复。`],
  [/^Indicator id '(.*)' is used more than once in the template\.$/, m => `指标 ID“${m[1]}”在模板中重复。`],
  [/^Alert rule id '(.*)' is used more than once in this indicator\.$/, m => `预警规则 ID“${m[1]}”在此指标中重复。`],
  [/^An id is required\.$/, () => "ID 必填。"],
  [/^An id has at most (\d+) characters from /, m => `ID 最多 ${m[1]} 个字符，只能包含 A–Z、a–z、0–9、“_”、“.”和“-”。`],
  [/^A Chinese name is required\.$/, () => "中文名称必填。"],
  [/^A name has at most (\d+) characters\.$/, m => `名称最多 ${m[1]} 个字符。`],
  [/^The target must not be negative\.$/, () => "目标值不能为负数。"],
  [/^The target must be at most (.+)\.$/, m => `目标值不能超过 ${m[1]}。`],
  [/^A higher-is-better target must be greater than 0\.$/, () => "“越高越好”指标的目标值必须大于 0。"],
  [/^The cap must be at least 100 percent\.$/, () => "得分上限不能低于 100%。"],
  [/^The zero-score point must be above the target \((.+)\)\.$/, m => `得 0 分的值必须高于目标值（${m[1]}）。`],
  [/^An indicator needs a source: a measure or a rating\.$/, () => "指标需要数据来源：由事件计算或经理评分。"],
  [/^A rated indicator takes no measure\.$/, () => "评分指标不绑定事件。"],
  [/^A rating is higher-is-better\.$/, () => "评分指标只能是“越高越好”。"],
  [/^A measured indicator needs a measure\.$/, () => "由事件计算的指标需要事件绑定。"],
  [/^Alert rules need a measured indicator\.$/, () => "只有由事件计算的指标可以设预警规则。"],
  [/^MinSamples must be at least 1\.$/, () => "至少事件数不能小于 1。"],
  [/^The multiplier must be greater than 0\.$/, () => "倍数必须大于 0。"],
  [/^A ratio takes its (event types|fields|filters) from its numerator and denominator\.$/, () => "比率的事件类型、字段和筛选条件在分子和分母中设置。"],
  [/^A ratio needs a (numerator|denominator)\.$/, m => `比率需要${what[m[1]!]}。`],
  [/^A ratio's (numerator|denominator) must be a count or a sum/, m => `比率的${what[m[1]!]}只能是事件次数或字段求和。`],
  [/^Only a ratio has a numerator and a denominator\.$/, () => "只有比率才有分子和分母。"],
  [/^A measure needs an event type\.$/, () => "请选择事件类型。"],
  [/^Event type '(.*)' is not registered\.$/, m => `事件类型“${m[1]}”未登记。`],
  [/^A count takes no field\.$/, () => "事件次数不需要字段。"],
  [/^A \w+ needs a numeric field\.$/, () => "请选择一个数值字段。"],
  [/^Field '(.*)' is not registered on event type '(.*)'\.$/, m => `事件类型“${m[2]}”没有字段“${m[1]}”。`],
  [/^A \w+ needs a number, but '(.*)' is registered as (\w+)\.$/, m => `字段“${m[1]}”不是数值（登记为 ${m[2]}）。`],
  [/^A filter needs a field\.$/, () => "筛选条件需要字段。"],
  [/^A filter needs a value to compare with\.$/, () => "筛选条件需要比较的值。"],
  [/^must be a month as yyyy-MM/, () => "必须是 yyyy-MM 格式的月份，例如 2026-10。"],
];

/** The reason in the page's language. */
export function reason(text: string, lang: Lang): string {
  if (lang === "en") return text;
  for (const [pattern, say] of zh) {
    const match = pattern.exec(text);
    if (match) return say(match);
  }
  return text;
}
