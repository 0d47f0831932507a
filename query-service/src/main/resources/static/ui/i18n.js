// Messages of the web UI: Chinese first (zh-CN), English on request. The choice is kept in localStorage.
const messages = {
  'zh-CN': {
    'app.title': 'PerfLedger 预算绩效管理',
    'lang.switch': 'English',
    'nav.overview': '全区总览', 'nav.due': '到期事项', 'nav.signOut': '退出',
    'signIn.title': '登录', 'signIn.token': '访问令牌（Bearer token）', 'signIn.submit': '登录',
    'signIn.help': '本地运行时，令牌与一键登录链接在 .perfledger/tokens.txt 中；生产环境使用单位统一身份认证签发的令牌。',
    'signIn.invalid': '这不是有效的访问令牌。',
    'user.roles': '角色',
    'role.PLATFORM_ADMIN': '平台管理员', 'role.DISTRICT_FINANCE': '区财政', 'role.DEPARTMENT_EDITOR': '部门填报',
    'role.DEPARTMENT_VIEWER': '部门查看', 'role.AUDITOR': '审计',
    'year': '年度', 'loading': '加载中…', 'syncing': '正在同步仪表盘…', 'saved': '已保存',
    'error': '出错了', 'retry': '重试', 'none': '无',
    'overview.title': '{year} 年度全区总览', 'overview.chart': '各项目得分与预算执行率',
    'overview.filterGrade': '等级', 'overview.filterAlert': '预警', 'overview.all': '全部',
    'overview.total': '共 {total} 项', 'overview.summary': '下载全区汇总表',
    'col.department': '部门', 'col.plan': '项目', 'col.name': '名称', 'col.phase': '状态',
    'col.adjustedBudget': '调整后预算', 'col.executed': '执行数', 'col.executionRate': '执行率',
    'col.score': '得分', 'col.grade': '等级', 'col.alerts': '预警', 'col.status': '评分',
    'page.prev': '上一页', 'page.next': '下一页', 'page.of': '第 {page} / {pages} 页',
    'status.final': '自评已复核', 'status.provisional': '暂算',
    'alert.over-budget': '超预算支出', 'alert.zero-budget-with-spending': '零预算有支出',
    'alert.spending-lags': '执行进度滞后', 'alert.no-scheme': '未设评分办法', 'alert.scoring-flags': '评分存疑',
    'alert.reported-differs': '自评得分与复核不符',
    'dept.title': '{name} · {year} 年度', 'dept.yoy': '历年对比', 'dept.trail': '预算调整轨迹',
    'dept.chart': '预算执行率与序时进度', 'dept.timeProgress': '序时进度', 'dept.asOf': '序时进度计算日',
    'dept.departmentWide': '部门整体',
    'budget.initial': '年初预算', 'budget.adjusted': '调整后预算', 'budget.received': '到位资金',
    'budget.executed': '执行数', 'budget.rate': '执行率', 'budget.lagging': '执行滞后 {lag} 个百分点',
    'budget.unit': '万元',
    'ind.code': '编码', 'ind.name': '三级指标', 'ind.weight': '分值', 'ind.target': '年初目标值',
    'ind.actual': '实际完成值', 'ind.asOf': '截至', 'ind.completion': '完成率', 'ind.deviation': '偏差率',
    'ind.score': '得分',
    'open.missingCompletion': '缺少完成值：{code} {name}', 'open.missingReason': '需填写偏差原因：{code} {name}（{detail}）',
    'open.adjustment': '目标调整申请 {number}（{code}）待区财政审核', 'open.spendingLags': '预算执行滞后于序时进度 {lag} 个百分点',
    'plan.score': '总分 {score} · {grade}', 'plan.openItems': '待办事项', 'plan.noOpenItems': '暂无待办事项',
    'action.completion': '记录完成值', 'action.expenditure': '记录支出', 'action.selfEvaluation': '提交自评',
    'action.import': '导入自评表', 'action.export': '导出自评表', 'action.cancel': '取消', 'action.submit': '提交',
    'form.value': '实际完成值', 'form.asOf': '截至日期', 'form.evidence': '佐证材料', 'form.narrative': '说明',
    'form.achievement': '定性判断', 'form.amount': '金额（万元）', 'form.date': '支出日期',
    'form.description': '用途', 'form.class': '支出类别', 'form.voucher': '凭证号',
    'form.reason': '偏差原因', 'form.totalScore': '自评总分', 'form.grade': '自评等级',
    'form.executionRate': '执行率（%）', 'form.executionScore': '执行率得分',
    'form.analysis': '偏差大或目标未完成原因分析', 'form.measures': '改进措施', 'form.use': '结果应用方案',
    'form.publication': '公开计划', 'form.file': '自评表文件（.xlsx）', 'form.uploading': '上传中 {percent}%',
    'form.imported': '已导入：{completions} 条完成值，自评已报送', 'form.downloading': '下载中 {percent}',
    'form.problems': '请修改以下内容：',
    'yoy.title': '{name} · 历年对比', 'yoy.score': '各年度得分', 'yoy.rate': '各年度预算执行率',
    'yoy.change': '较上年', 'yoy.trend': '趋势', 'trend.up': '上升', 'trend.down': '下降', 'trend.flat': '持平',
    'trail.title': '{name} · {year} 年度预算调整轨迹', 'trail.kind': '调整类型', 'trail.amount': '金额',
    'trail.from': '调整前', 'trail.to': '调整后', 'trail.reason': '原因', 'trail.document': '文号',
    'trail.date': '日期', 'trail.actor': '操作人', 'trail.empty': '本年度没有预算调整',
    'due.title': '{year} 年度到期事项', 'due.what': '事项', 'due.due': '截止日期', 'due.state': '状态',
    'due.done': '已完成', 'due.open': '未到期', 'due.late': '已逾期', 'due.lateOnly': '只看逾期',
    'due.selfEvaluation': '年度绩效自评', 'due.monitoring': '绩效运行监控（{period}）', 'due.none': '区财政尚未设置本年度报送日历',
    'kind.SUPPLEMENT': '追加', 'kind.REDUCTION': '调减', 'kind.UPPER_LEVEL_TRANSFER': '上级转移支付',
    'phase.DRAFTING': '目标编制中', 'phase.TARGETS_SUBMITTED': '目标已报送', 'phase.IN_EXECUTION': '执行中',
    'phase.CLOSED': '年度已结束', 'phase.SELF_EVALUATION_SUBMITTED': '自评已报送',
    'phase.SELF_EVALUATION_RETURNED': '自评已退回', 'phase.SELF_EVALUATION_ACCEPTED': '自评已审核',
    'phase.PUBLISHED': '已公开',
  },
  en: {
    'app.title': 'PerfLedger budget performance',
    'lang.switch': '中文',
    'nav.overview': 'District overview', 'nav.due': 'What is due', 'nav.signOut': 'Sign out',
    'signIn.title': 'Sign in', 'signIn.token': 'Access token (bearer)', 'signIn.submit': 'Sign in',
    'signIn.help': 'In the local run, tokens and sign-in links are in .perfledger/tokens.txt; in production use a token from your identity provider.',
    'signIn.invalid': 'That is not a valid access token.',
    'user.roles': 'Roles',
    'role.PLATFORM_ADMIN': 'Platform admin', 'role.DISTRICT_FINANCE': 'District finance',
    'role.DEPARTMENT_EDITOR': 'Department editor', 'role.DEPARTMENT_VIEWER': 'Department viewer', 'role.AUDITOR': 'Auditor',
    'year': 'Year', 'loading': 'Loading…', 'syncing': 'Updating the dashboard…', 'saved': 'Saved',
    'error': 'Something went wrong', 'retry': 'Retry', 'none': 'None',
    'overview.title': 'District overview {year}', 'overview.chart': 'Score and budget execution per plan',
    'overview.filterGrade': 'Grade', 'overview.filterAlert': 'Alert', 'overview.all': 'All',
    'overview.total': '{total} plans', 'overview.summary': 'Download the district summary',
    'col.department': 'Department', 'col.plan': 'Plan', 'col.name': 'Name', 'col.phase': 'Phase',
    'col.adjustedBudget': 'Adjusted budget', 'col.executed': 'Spent', 'col.executionRate': 'Execution',
    'col.score': 'Score', 'col.grade': 'Grade', 'col.alerts': 'Alerts', 'col.status': 'Scoring',
    'page.prev': 'Previous', 'page.next': 'Next', 'page.of': 'Page {page} of {pages}',
    'status.final': 'Reviewed', 'status.provisional': 'Provisional',
    'alert.over-budget': 'Spent over budget', 'alert.zero-budget-with-spending': 'Spending on a zero budget',
    'alert.spending-lags': 'Spending lags the year', 'alert.no-scheme': 'No scoring scheme',
    'alert.scoring-flags': 'Scoring flags', 'alert.reported-differs': 'Reported score differs',
    'dept.title': '{name} · {year}', 'dept.yoy': 'Year over year', 'dept.trail': 'Budget adjustment trail',
    'dept.chart': 'Budget execution against time elapsed', 'dept.timeProgress': 'Time elapsed', 'dept.asOf': 'Time elapsed as of',
    'dept.departmentWide': 'Department-wide',
    'budget.initial': 'Initial budget', 'budget.adjusted': 'Adjusted budget', 'budget.received': 'Received',
    'budget.executed': 'Spent', 'budget.rate': 'Execution', 'budget.lagging': 'Lagging by {lag} points',
    'budget.unit': '10k yuan',
    'ind.code': 'Code', 'ind.name': 'Indicator', 'ind.weight': 'Weight', 'ind.target': 'Target',
    'ind.actual': 'Actual', 'ind.asOf': 'as of', 'ind.completion': 'Completion', 'ind.deviation': 'Deviation',
    'ind.score': 'Score',
    'open.missingCompletion': 'Missing completion: {code} {name}',
    'open.missingReason': 'Deviation reason needed: {code} {name} ({detail})',
    'open.adjustment': 'Target adjustment {number} of {code} awaits finance',
    'open.spendingLags': 'Spending lags the year by {lag} points',
    'plan.score': 'Total {score} · {grade}', 'plan.openItems': 'Open items', 'plan.noOpenItems': 'No open items',
    'action.completion': 'Record completion', 'action.expenditure': 'Record expenditure',
    'action.selfEvaluation': 'Submit self-evaluation', 'action.import': 'Import 自评表',
    'action.export': 'Export 自评表', 'action.cancel': 'Cancel', 'action.submit': 'Submit',
    'form.value': 'Actual value', 'form.asOf': 'As of', 'form.evidence': 'Evidence', 'form.narrative': 'Narrative',
    'form.achievement': 'Judgement', 'form.amount': 'Amount (10k yuan)', 'form.date': 'Date',
    'form.description': 'Purpose', 'form.class': 'Expenditure class', 'form.voucher': 'Voucher',
    'form.reason': 'Deviation reason', 'form.totalScore': 'Reported total', 'form.grade': 'Reported grade',
    'form.executionRate': 'Execution rate (%)', 'form.executionScore': 'Execution score',
    'form.analysis': 'Analysis of deviations', 'form.measures': 'Improvement measures', 'form.use': 'Use of results',
    'form.publication': 'Publication plan', 'form.file': 'Self-evaluation workbook (.xlsx)',
    'form.uploading': 'Uploading {percent}%', 'form.imported': 'Imported: {completions} completions, self-evaluation submitted',
    'form.downloading': 'Downloading {percent}', 'form.problems': 'Please correct:',
    'yoy.title': '{name} · year over year', 'yoy.score': 'Score by year', 'yoy.rate': 'Budget execution by year',
    'yoy.change': 'Change', 'yoy.trend': 'Trend', 'trend.up': 'up', 'trend.down': 'down', 'trend.flat': 'flat',
    'trail.title': '{name} · budget adjustments {year}', 'trail.kind': 'Kind', 'trail.amount': 'Amount',
    'trail.from': 'From', 'trail.to': 'To', 'trail.reason': 'Reason', 'trail.document': 'Document',
    'trail.date': 'Date', 'trail.actor': 'By', 'trail.empty': 'No budget adjustments this year',
    'due.title': 'What is due in {year}', 'due.what': 'Item', 'due.due': 'Due', 'due.state': 'State',
    'due.done': 'Done', 'due.open': 'Open', 'due.late': 'Late', 'due.lateOnly': 'Late only',
    'due.selfEvaluation': 'Self-evaluation', 'due.monitoring': 'Monitoring report ({period})', 'due.none': 'District finance has not set this year\'s reporting calendar',
    'kind.SUPPLEMENT': 'Supplement', 'kind.REDUCTION': 'Reduction', 'kind.UPPER_LEVEL_TRANSFER': 'Upper-level transfer',
    'phase.DRAFTING': 'Drafting targets', 'phase.TARGETS_SUBMITTED': 'Targets submitted',
    'phase.IN_EXECUTION': 'In execution', 'phase.CLOSED': 'Year closed',
    'phase.SELF_EVALUATION_SUBMITTED': 'Self-evaluation submitted',
    'phase.SELF_EVALUATION_RETURNED': 'Self-evaluation returned',
    'phase.SELF_EVALUATION_ACCEPTED': 'Self-evaluation accepted', 'phase.PUBLISHED': 'Published',
  },
};

const KEY = 'perfledger.lang';
let current = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = current;

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
}

/** The message for the key in the current language, with {name} placeholders filled in; the key if unknown. */
export function t(key, params = {}) {
  const text = messages[current][key] ?? messages['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params[name] ?? all).toString());
}

/** A known code's label (phase.IN_EXECUTION …), or the code itself. */
export function label(prefix, code) {
  const key = prefix + '.' + code;
  return messages[current][key] ? t(key) : code;
}
