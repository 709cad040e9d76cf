// Synthetic guide catalogues: the realistic parts (categories, departments, objects, actions,
// qualifiers, questions, materials) and their deterministic combination into guide-format items.
#include "gencat.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace dp {
namespace {

using ojson = nlohmann::ordered_json;

// ---- deterministic randomness (no std distributions: they differ between libraries) ----

struct Rng {
    std::uint64_t state;
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(next() % n); }
    int range(int lo, int hi) { return lo + int(below(std::size_t(hi - lo + 1))); }  // inclusive
    bool percent(int p) { return int(below(100)) < p; }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
};

std::uint64_t hash_string(std::string_view s, std::uint64_t seed) {
    std::uint64_t h = 0xCBF29CE484222325ull ^ seed;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    return h;
}

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t j = s.find(' ', i);
        const std::size_t end = j == std::string_view::npos ? s.size() : j;
        if (end > i) out.emplace_back(s.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::string chinese_number(int n) {  // 1–99
    static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) return digits[n];
    std::string out = n / 10 == 1 ? "" : digits[n / 10];
    out += "十";
    out += digits[n % 10];
    return out;
}

// ---- the parts ----

struct Category {
    const char* name;        // one of the categories of docs/guide-format.md
    const char* department;
    const char* events;      // life event keys, space-separated
    const char* law;
};
constexpr Category kCategories[] = {
    {"户籍与证件", "南安市公安局", "birth moving school", "《中华人民共和国居民身份证法》"},
    {"社会保障", "南安市人力资源和社会保障局", "work retire elderly", "《中华人民共和国社会保险法》"},
    {"医疗保障", "南安市医疗保障局", "health birth", "《医疗保障基金使用监督管理条例》"},
    {"婚姻家庭", "南安市民政局", "marriage birth", "《婚姻登记条例》"},
    {"住房与不动产", "南安市不动产登记中心", "housing moving", "《不动产登记暂行条例》"},
    {"就业创业", "南安市人力资源和社会保障局", "work business", "《中华人民共和国就业促进法》"},
    {"市场主体", "南安市市场监督管理局", "business", "《中华人民共和国市场主体登记管理条例》"},
    {"交通出行", "南安市交通运输局", "travel", "《中华人民共和国道路运输条例》"},
    {"社会救助", "南安市民政局", "hardship disability", "《社会救助暂行办法》"},
    {"教育", "南安市教育局", "school", "《中华人民共和国义务教育法》"},
    {"出入境", "南安市公安局出入境管理大队", "travel", "《中华人民共和国出境入境管理法》"},
    {"民政服务", "南安市民政局", "elderly death disability", "《社会团体登记管理条例》"},
    {"公积金", "泉州市住房公积金中心南安管理部", "housing retire work", "《住房公积金管理条例》"},
};

struct Object {
    int category;             // index into kCategories
    const char* name;         // 居民身份证
    const char* short_name;   // 身份证: what people say
    const char* key;          // id part
    const char* en;
    const char* actions;      // action names, space-separated
    const char* department;   // "" = the category's
};
constexpr Object kObjects[] = {
    {0, "居民身份证", "身份证", "id-card", "resident ID card", "申领 换领 补领", ""},
    {0, "临时居民身份证", "临时身份证", "temporary-id-card", "temporary resident ID card", "申领", ""},
    {0, "居住证", "居住证", "residence-permit", "residence permit", "申领 换领 补领 延续 注销", ""},
    {0, "户口簿", "户口本", "household-register", "household register booklet", "补领 换领 变更", ""},
    {0, "常住户口", "户口", "permanent-residence", "permanent residence", "迁移 登记 注销 变更", ""},
    {0, "出生户口", "新生儿户口", "newborn-residence", "newborn household registration", "登记", ""},
    {0, "姓名", "名字", "name", "registered name", "变更", ""},
    {0, "无犯罪记录证明", "无犯罪证明", "no-criminal-record", "certificate of no criminal record", "开具", ""},
    {0, "户籍证明", "户籍证明", "household-certificate", "household registration certificate", "开具", ""},
    {0, "亲属关系证明", "亲属证明", "kinship-certificate", "kinship certificate", "开具", ""},
    {0, "民族成分", "民族", "ethnicity", "ethnic status", "变更", ""},
    {0, "户口迁移证明", "迁移证", "migration-certificate", "household migration certificate", "开具 补领", ""},
    {0, "港澳台居民居住证", "港澳台居住证", "hmt-residence-permit", "residence permit for Hong Kong, Macao and Taiwan residents", "申领 换领 补领", ""},
    {0, "出生日期", "出生日期", "birth-date", "registered date of birth", "变更", ""},
    {1, "社会保障卡", "社保卡", "social-security-card", "social security card", "申领 换领 补领 注销 变更", ""},
    {1, "城乡居民养老保险", "居民养老保险", "resident-pension", "residents' pension insurance", "参保登记 缴费 注销 查询", ""},
    {1, "职工基本养老保险", "职工养老保险", "employee-pension", "employees' pension insurance", "参保登记 转移 查询 变更", ""},
    {1, "失业保险金", "失业金", "unemployment-benefit", "unemployment benefit", "申领 查询", ""},
    {1, "基本养老金", "养老金", "pension-benefit", "basic pension", "申领 查询 变更", ""},
    {1, "工伤", "工伤", "work-injury", "work injury", "认定 备案", ""},
    {1, "社会保险关系", "社保关系", "insurance-relationship", "social insurance relationship", "转移 查询", ""},
    {1, "社会保险参保证明", "参保证明", "insurance-certificate", "proof of social insurance", "开具", ""},
    {1, "丧葬补助金", "丧葬费", "funeral-grant", "funeral grant", "申领", ""},
    {1, "城乡居民养老保险待遇", "居民养老金", "resident-pension-benefit", "residents' pension benefit", "申领 变更 注销", ""},
    {1, "失业保险关系", "失业保险关系", "unemployment-insurance-relationship", "unemployment insurance relationship", "转移", ""},
    {1, "企业职工退休", "退休", "retirement", "retirement of employees", "审批", ""},
    {2, "城乡居民基本医疗保险", "居民医保", "resident-medical-insurance", "residents' medical insurance", "参保登记 缴费 变更 注销", ""},
    {2, "职工基本医疗保险", "职工医保", "employee-medical-insurance", "employees' medical insurance", "参保登记 转移 变更", ""},
    {2, "异地就医", "异地就医", "remote-medical-care", "medical treatment elsewhere", "备案 变更 注销", ""},
    {2, "门诊特殊病种", "门诊特病", "special-outpatient-disease", "special outpatient disease", "认定 变更", ""},
    {2, "零星医疗费用", "医药费", "medical-expense", "medical expenses", "报销", ""},
    {2, "生育医疗费用", "生育费用", "maternity-expense", "maternity medical expenses", "报销", ""},
    {2, "医保电子凭证", "医保码", "medical-insurance-code", "medical insurance e-voucher", "申领", ""},
    {2, "医疗保险关系", "医保关系", "medical-insurance-relationship", "medical insurance relationship", "转移 查询", ""},
    {2, "长期护理保险待遇", "长护险", "long-term-care", "long-term care benefit", "申领", ""},
    {2, "医保定点医药机构", "定点药店", "designated-pharmacy", "designated medical institution", "申请 变更", ""},
    {2, "医保个人账户", "医保账户", "medical-account", "medical insurance personal account", "查询 变更", ""},
    {3, "结婚", "结婚", "marriage", "marriage", "登记", ""},
    {3, "离婚", "离婚", "divorce", "divorce", "登记", ""},
    {3, "结婚证", "结婚证", "marriage-certificate", "marriage certificate", "补领", ""},
    {3, "离婚证", "离婚证", "divorce-certificate", "divorce certificate", "补领", ""},
    {3, "婚姻状况证明", "婚姻证明", "marital-status-certificate", "marital status certificate", "开具", ""},
    {3, "收养", "收养", "adoption", "adoption", "登记", ""},
    {3, "生育服务", "生育登记", "birth-service", "birth service registration", "登记 变更", "南安市卫生健康局"},
    {3, "出生医学证明", "出生证", "birth-medical-certificate", "birth medical certificate", "申领 补领 换领", "南安市卫生健康局"},
    {3, "独生子女父母光荣证", "独生子女证", "only-child-certificate", "only-child parents' certificate", "申领 补领", "南安市卫生健康局"},
    {3, "婚姻登记档案", "婚姻档案", "marriage-records", "marriage registration records", "查询", ""},
    {4, "不动产权证书", "房产证", "property-certificate", "real estate title certificate", "补领 换领 变更", ""},
    {4, "房屋所有权", "房子过户", "property-ownership", "property ownership", "转移 登记", ""},
    {4, "抵押权", "抵押", "mortgage", "mortgage", "登记 注销 变更", ""},
    {4, "公共租赁住房", "公租房", "public-rental-housing", "public rental housing", "申请 变更 注销", "南安市住房和城乡建设局"},
    {4, "住房租赁合同", "租房合同", "lease-contract", "housing lease contract", "备案 注销", "南安市住房和城乡建设局"},
    {4, "不动产登记资料", "房产信息", "property-records", "real estate records", "查询", ""},
    {4, "农村宅基地", "宅基地", "homestead", "rural homestead", "审批", "南安市农业农村局"},
    {4, "存量房交易", "二手房交易", "housing-transaction", "second-hand housing transaction", "备案", "南安市住房和城乡建设局"},
    {4, "商品房买卖合同", "购房合同", "purchase-contract", "housing purchase contract", "备案 注销", "南安市住房和城乡建设局"},
    {4, "住宅专项维修资金", "维修基金", "maintenance-fund", "housing maintenance fund", "提取 查询", "南安市住房和城乡建设局"},
    {4, "住房租赁补贴", "住房补贴", "housing-subsidy", "housing rental subsidy", "申请 变更", "南安市住房和城乡建设局"},
    {5, "就业创业证", "就业证", "employment-certificate", "employment certificate", "申领 补领 变更", ""},
    {5, "失业", "失业", "unemployment", "unemployment", "登记 注销", ""},
    {5, "创业担保贷款", "创业贷款", "startup-loan", "start-up guaranteed loan", "申请", ""},
    {5, "职业技能等级证书", "技能证书", "skill-certificate", "vocational skill certificate", "申领 补领 查询", ""},
    {5, "就业见习补贴", "见习补贴", "internship-subsidy", "internship subsidy", "申领", ""},
    {5, "灵活就业人员", "灵活就业", "flexible-employment", "flexible employment", "登记 注销", ""},
    {5, "高校毕业生", "毕业生报到", "graduate-employment", "graduate employment", "登记", ""},
    {5, "职业培训补贴", "培训补贴", "training-subsidy", "vocational training subsidy", "申领", ""},
    {5, "流动人员人事档案", "人事档案", "personnel-file", "personnel file", "转移 查询", ""},
    {5, "稳岗返还", "稳岗补贴", "job-retention-subsidy", "job retention subsidy", "申领", ""},
    {5, "一次性创业补贴", "创业补贴", "startup-subsidy", "one-off start-up subsidy", "申领", ""},
    {5, "用工", "招工", "recruitment", "recruitment", "登记 备案", ""},
    {6, "个体工商户", "个体户", "sole-trader", "sole trader", "登记 变更 注销", ""},
    {6, "营业执照", "营业执照", "business-licence", "business licence", "补领 换领 变更", ""},
    {6, "食品经营许可证", "食品证", "food-business-licence", "food business licence", "核发 变更 延续 注销 补领", ""},
    {6, "有限责任公司", "公司", "limited-company", "limited liability company", "登记 变更 注销", ""},
    {6, "农民专业合作社", "合作社", "farmer-cooperative", "farmers' cooperative", "登记 变更 注销", ""},
    {6, "食品小作坊", "小作坊", "small-workshop", "small food workshop", "登记 变更", ""},
    {6, "药品经营许可证", "药店许可证", "drug-business-licence", "drug business licence", "核发 变更 延续", ""},
    {6, "特种设备使用", "特种设备", "special-equipment", "special equipment use", "登记 变更 注销", ""},
    {6, "企业年度报告", "年报", "annual-report", "annual company report", "备案 查询", ""},
    {6, "食品生产许可证", "食品生产证", "food-production-licence", "food production licence", "核发 变更 延续 注销", ""},
    {6, "个体工商户年度报告", "个体户年报", "sole-trader-annual-report", "sole trader annual report", "备案", ""},
    {6, "户外广告设置", "广告牌", "outdoor-advertising", "outdoor advertising", "审批 变更", "南安市城市管理局"},
    {6, "计量器具", "计量器具", "measuring-instrument", "measuring instrument", "备案 查询", ""},
    {7, "机动车驾驶证", "驾驶证", "driving-licence", "driving licence", "换领 补领 延续", "南安市公安局交通警察大队"},
    {7, "机动车", "车辆", "motor-vehicle", "motor vehicle", "登记 转移 注销", "南安市公安局交通警察大队"},
    {7, "机动车号牌", "车牌", "number-plate", "number plate", "补领", "南安市公安局交通警察大队"},
    {7, "道路运输证", "运输证", "road-transport-certificate", "road transport certificate", "核发 补领 注销", ""},
    {7, "出租汽车驾驶员从业资格证", "出租车资格证", "taxi-driver-qualification", "taxi driver qualification", "申领 延续", ""},
    {7, "道路货物运输经营许可", "货运许可", "freight-licence", "road freight licence", "审批 变更 延续", ""},
    {7, "ETC通行卡", "ETC卡", "etc-card", "ETC card", "申领 注销", ""},
    {7, "电动自行车", "电动车", "e-bike", "electric bicycle", "登记 转移 注销", "南安市公安局交通警察大队"},
    {7, "内河船舶", "船舶", "vessel", "inland vessel", "登记 注销", ""},
    {7, "机动车检验合格标志", "年检标志", "inspection-mark", "vehicle inspection mark", "核发 补领", "南安市公安局交通警察大队"},
    {7, "交通违法记录", "违章", "traffic-violation", "traffic violation record", "查询", "南安市公安局交通警察大队"},
    {7, "校车使用许可", "校车", "school-bus", "school bus permit", "审批 注销", ""},
    {8, "最低生活保障", "低保", "minimum-living-allowance", "minimum living allowance", "申请 变更 注销", ""},
    {8, "特困人员救助供养", "特困供养", "extreme-poverty-support", "support for people in extreme poverty", "申请 注销", ""},
    {8, "临时救助", "临时救助", "temporary-assistance", "temporary assistance", "申请", ""},
    {8, "残疾人证", "残疾证", "disability-certificate", "disability certificate", "申领 换领 补领 变更 注销", "南安市残疾人联合会"},
    {8, "困难残疾人生活补贴", "残疾补贴", "disability-living-subsidy", "living subsidy for disabled people", "申领", ""},
    {8, "医疗救助", "医疗救助", "medical-assistance", "medical assistance", "申请", "南安市医疗保障局"},
    {8, "低收入家庭", "低收入家庭", "low-income-family", "low-income family status", "认定", ""},
    {8, "教育救助", "助学救助", "education-assistance", "education assistance", "申请", "南安市教育局"},
    {8, "孤儿基本生活费", "孤儿补助", "orphan-allowance", "orphan living allowance", "申领 注销", ""},
    {8, "重度残疾人护理补贴", "护理补贴", "disability-care-subsidy", "care subsidy for severely disabled people", "申领 变更", ""},
    {9, "义务教育", "入学", "school-enrolment", "compulsory education enrolment", "登记", ""},
    {9, "学籍", "学籍", "student-status", "student status", "转移 变更", ""},
    {9, "学前教育资助", "幼儿园补助", "preschool-subsidy", "preschool subsidy", "申领", ""},
    {9, "教师资格", "教师资格证", "teacher-qualification", "teacher qualification", "认定 补领", ""},
    {9, "民办学校", "民办学校", "private-school", "private school", "审批 变更", ""},
    {9, "校外培训机构", "培训机构", "training-institution", "after-school training institution", "审批 变更 注销", ""},
    {9, "学历证明", "学历证明", "education-certificate", "education certificate", "开具", ""},
    {9, "中等职业学校国家助学金", "中职助学金", "vocational-grant", "vocational school grant", "申领", ""},
    {9, "普通话水平测试等级证书", "普通话证书", "mandarin-certificate", "Mandarin proficiency certificate", "补领 查询", ""},
    {9, "义务教育阶段转学", "转学", "school-transfer", "school transfer", "申请", ""},
    {10, "普通护照", "护照", "passport", "ordinary passport", "申领 换领 补领", ""},
    {10, "往来港澳通行证", "港澳通行证", "hk-macao-permit", "Hong Kong and Macao travel permit", "申领 换领 补领", ""},
    {10, "往来台湾通行证", "台湾通行证", "taiwan-permit", "Taiwan travel permit", "申领 换领", ""},
    {10, "港澳签注", "签注", "hk-macao-endorsement", "Hong Kong and Macao endorsement", "申领", ""},
    {10, "外国人居留许可", "外国人居留证", "foreigner-residence-permit", "foreigner's residence permit", "申领 延续 变更", ""},
    {10, "出入境记录", "出入境记录", "entry-exit-record", "entry and exit record", "查询 开具", ""},
    {10, "台湾居民来往大陆通行证", "台胞证", "taiwan-compatriot-permit", "mainland travel permit for Taiwan residents", "申领 补领", ""},
    {11, "高龄津贴", "高龄补贴", "old-age-allowance", "old-age allowance", "申领", ""},
    {11, "居家养老服务", "居家养老", "home-elderly-care", "home elderly care", "申请 变更", ""},
    {11, "殡葬补贴", "丧葬补贴", "funeral-subsidy", "funeral subsidy", "申领", ""},
    {11, "社会团体", "社团", "social-organization", "social organization", "登记 变更 注销", ""},
    {11, "民办非企业单位", "民非", "private-non-enterprise", "private non-enterprise unit", "登记 变更 注销", ""},
    {11, "养老机构", "养老院", "elderly-care-institution", "elderly care institution", "备案 变更", ""},
    {11, "遗体火化证明", "火化证明", "cremation-certificate", "cremation certificate", "开具", ""},
    {11, "慈善组织", "慈善组织", "charity", "charity", "认定 登记", ""},
    {11, "经济困难老年人补贴", "困难老人补贴", "elderly-hardship-subsidy", "subsidy for elderly people in hardship", "申领", ""},
    {11, "公益性骨灰安放设施", "公益墓地", "public-cemetery", "public cemetery", "申请", ""},
    {11, "地名", "地名", "place-name", "place name", "审批 变更", ""},
    {12, "住房公积金", "公积金", "housing-fund", "housing provident fund", "提取 转移 查询", ""},
    {12, "住房公积金个人账户", "公积金账户", "housing-fund-account", "housing fund account", "登记 变更 注销", ""},
    {12, "住房公积金贷款", "公积金贷款", "housing-fund-loan", "housing fund loan", "申请 变更 查询", ""},
    {12, "住房公积金缴存证明", "公积金证明", "housing-fund-certificate", "housing fund contribution certificate", "开具", ""},
    {12, "单位住房公积金缴存", "单位缴存", "employer-housing-fund", "employer housing fund contributions", "登记 变更", ""},
    {12, "灵活就业人员住房公积金", "个人缴存公积金", "voluntary-housing-fund", "voluntary housing fund contributions", "登记 注销", ""},
    {12, "住房公积金异地转移接续", "公积金转移", "housing-fund-transfer", "housing fund transfer between cities", "申请", ""},
    {12, "住房公积金贷款提前还款", "提前还贷", "housing-fund-prepayment", "early repayment of a housing fund loan", "申请", ""},
};

struct Action {
    const char* name;     // 补领
    const char* key;
    const char* en;       // "Replacement of"
    const char* verb;     // what people say: 补
    const char* plain;    // plain-name template, {s} = the object's short name
};
constexpr Action kActions[] = {
    {"申领", "application", "Application for", "办", "第一次办{s}"},
    {"换领", "renewal", "Renewal of", "换", "{s}到期或坏了，换个新的"},
    {"补领", "replacement", "Replacement of", "补", "{s}丢了，再补一个"},
    {"变更", "change", "Change of", "改", "{s}上的信息要改"},
    {"注销", "cancellation", "Cancellation of", "注销", "不再需要{s}了，把它注销"},
    {"备案", "filing", "Filing of", "备案", "{s}的事要去备个案"},
    {"延续", "extension", "Extension of", "续", "{s}快到期了，续一下"},
    {"登记", "registration", "Registration of", "登记", "去登记{s}"},
    {"查询", "enquiry", "Enquiry about", "查", "查一查{s}的情况"},
    {"提取", "withdrawal", "Withdrawal of", "取", "把{s}里的钱取出来"},
    {"转移", "transfer", "Transfer of", "转", "把{s}转到别的地方"},
    {"迁移", "move", "Moving of", "迁", "把{s}迁到新地方"},
    {"开具", "issue", "Issue of", "开", "开一张{s}"},
    {"认定", "recognition", "Recognition of", "认定", "申请认定{s}"},
    {"核发", "grant", "Grant of", "领", "申请{s}，等批下来"},
    {"参保登记", "enrolment", "Enrolment in", "参保", "参加{s}"},
    {"缴费", "payment", "Payment for", "交", "交{s}的费用"},
    {"审批", "approval", "Approval of", "批", "申请{s}，等审批"},
    {"报销", "reimbursement", "Reimbursement of", "报销", "看病花的{s}拿去报销"},
    {"申请", "request", "Request for", "申请", "想申请{s}"},
};

struct Qualifier {
    const char* name;  // appended to the official name
    const char* key;
    const char* en;
};
constexpr Qualifier kQualifiers[] = {
    {"", "", ""},
    {"（个人）", "individual", " (individuals)"},
    {"（单位）", "employer", " (employers)"},
    {"（跨省通办）", "cross-province", " (across provinces)"},
    {"（省内通办）", "in-province", " (within the province)"},
    {"（港澳台居民）", "hmt-resident", " (Hong Kong, Macao and Taiwan residents)"},
    {"（外国人）", "foreigner", " (foreigners)"},
    {"（线上办理）", "online", " (online)"},
    {"（加急）", "urgent", " (urgent)"},
    {"（首次）", "first-time", " (first time)"},
    {"（容缺受理）", "pending-documents", " (accepted with documents pending)"},
    {"（告知承诺制）", "commitment", " (by written commitment)"},
    {"（委托代办）", "by-proxy", " (by proxy)"},
    {"（老年人）", "elderly", " (elderly applicants)"},
    {"（残疾人）", "disabled", " (disabled applicants)"},
    {"（退役军人）", "veteran", " (veterans)"},
    {"（农村居民）", "rural", " (rural residents)"},
    {"（新就业形态劳动者）", "gig-worker", " (gig workers)"},
};

const Action& find_action(const std::string& name) {
    for (const auto& a : kActions)
        if (name == a.name) return a;
    return kActions[0];  // not reached: the tables are consistent (checked by the tests)
}

// ---- questions and the materials they call for ----

struct MaterialSpec {
    const char* id;
    const char* doc;        // "" = none
    const char* name;
    int count;
    const char* form;
    const char* points;     // review points separated by '|'
    const char* note;
};
struct OptionSpec {
    const char* id;
    const char* label;
};
struct QuestionSpec {
    const char* id;
    const char* text;
    const char* help;
    bool multiple;
    std::vector<OptionSpec> options;
    // Materials needed when the answer is one of the options (space-separated option ids).
    std::vector<std::pair<const char*, MaterialSpec>> materials;
};

const std::vector<QuestionSpec>& question_pool() {
    static const std::vector<QuestionSpec> pool = {
        {"who", "谁来办？", "本人来不了，可以请家人或朋友代办。", false,
         {{"self", "本人来办"}, {"proxy", "请别人代办"}},
         {{"proxy", {"power-of-attorney", "", "授权委托书", 1, "original", "须写明委托事项和期限|委托人签名或按手印", ""}},
          {"proxy", {"agent-id-card", "agent-id-card", "代办人的居民身份证", 1, "original", "须在有效期内", ""}}}},
        {"age", "申请人多大了？", "按身份证上的出生日期算。", false,
         {{"adult", "满18周岁"}, {"minor", "不满18周岁"}},
         {{"minor", {"household-register", "household-register", "居民户口簿", 1, "original", "须有申请人本人的那一页|户口簿须是最新的", ""}},
          {"minor", {"guardian-id-card", "guardian-id-card", "监护人的居民身份证", 1, "original", "须在有效期内|须是父母或其他法定监护人", ""}}}},
        {"residence", "户口在哪里？", "户口本上的住址就是户口所在地。", false,
         {{"local", "在南安市"}, {"other", "在外地"}, {"unsure", "不确定"}},
         {{"other unsure", {"residence-permit", "residence-permit", "居住证", 1, "original", "须在有效期内|须是在南安市办理的", "不确定时带上更稳妥"}}}},
        {"history", "以前办过吗？", "", false,
         {{"yes", "办过"}, {"no", "没办过"}, {"unsure", "不确定"}},
         {{"yes unsure", {"previous-approval", "", "原证件或原批准文件", 1, "original", "损坏的也要交回|须是本人的", ""}}}},
        {"entity", "以什么身份办？", "替公司、单位办的，选“单位”。", false,
         {{"person", "个人"}, {"company", "单位"}},
         {{"company", {"business-licence", "business-licence", "营业执照", 1, "copy", "复印件加盖单位公章|须在有效期内", ""}},
          {"company", {"legal-rep-letter", "", "法定代表人身份证明书", 1, "original", "法定代表人签字|加盖单位公章", ""}}}},
        {"marital", "婚姻状况是？", "", false,
         {{"single", "未婚"}, {"married", "已婚"}, {"divorced", "离异或丧偶"}},
         {{"married", {"marriage-certificate", "marriage-certificate", "结婚证", 1, "original", "须是本人的结婚证|夫妻双方信息要清楚", ""}},
          {"divorced", {"divorce-proof", "", "离婚证或配偶死亡证明", 1, "original_and_copy", "复印件须清楚完整", ""}}}},
        {"income", "家里每月人均收入大约多少？", "把全家每月收入加起来，除以家里人数。", false,
         {{"low", "低于当地低保标准"}, {"high", "高于当地低保标准"}, {"unsure", "不确定"}},
         {{"low unsure", {"income-statement", "", "家庭收入情况说明", 1, "original", "家庭成员都要签字|收入要写清来源", "不清楚收入标准的，工作人员会帮您核对"}}}},
        {"channel", "打算怎么交材料？", "", false,
         {{"online", "网上上传"}, {"hall", "到窗口交"}},
         {{"online", {"scans", "", "以上材料的照片或扫描件", 1, "electronic", "照片清晰、四角完整|每份不超过5MB", ""}}}},
    };
    return pool;
}

// Action-specific questions, asked first.
const QuestionSpec* action_question(const std::string& action) {
    static const QuestionSpec reason = {
        "reason", "为什么要办？", "看看证件背面的有效期限。", false,
        {{"lost", "丢了或被偷了"}, {"damaged", "坏了、看不清"}, {"expired", "快到期或已过期"}, {"unsure", "不确定"}},
        {{"lost", {"loss-statement", "", "遗失声明", 1, "original", "写明丢失的时间和地点|本人签名", ""}},
         {"damaged expired unsure", {"old-certificate", "", "原证件", 1, "original", "损坏的证件也要交回|须是本人的证件", "不确定时把旧证带上"}}}};
    static const QuestionSpec changes = {
        "changes", "要改哪些信息？", "可以多选。", true,
        {{"name", "姓名"}, {"address", "住址"}, {"phone", "联系电话"}, {"other", "其他信息"}},
        {{"name", {"name-change-proof", "", "姓名变更证明", 1, "original", "须由公安机关出具", ""}},
         {"address", {"address-proof", "", "新住址证明（房产证或租房合同）", 1, "original_and_copy", "须是本人名下或有租赁备案", ""}},
         {"other", {"change-proof", "", "信息变更的有关证明", 1, "original_and_copy", "须是有关部门出具的证明", ""}}}};
    static const QuestionSpec cancel = {
        "cancel-reason", "为什么要注销？", "", false,
        {{"no-longer", "不再需要了"}, {"moved", "迁到外地了"}, {"deceased", "本人已去世"}},
        {{"moved", {"move-proof", "", "迁出证明", 1, "original", "须写明迁往地址", ""}},
         {"deceased", {"death-certificate", "death-certificate", "死亡医学证明", 1, "original_and_copy", "须由医疗机构或公安机关出具", ""}}}};
    if (action == "补领" || action == "换领" || action == "延续") return &reason;
    if (action == "变更") return &changes;
    if (action == "注销") return &cancel;
    return nullptr;
}

// Materials every path needs or that add plausible bulk; the first is always present.
constexpr MaterialSpec kCommonMaterials[] = {
    {"id-card", "id-card", "申请人的居民身份证", 1, "original", "须在有效期内|须是本人的证件", ""},
    {"photo", "photo", "近期免冠证件照", 2, "original", "白色背景|近6个月内拍摄", "可在窗口现场拍照"},
    {"household-register", "household-register", "居民户口簿", 1, "original", "须有申请人本人的那一页", ""},
    {"housing-proof", "", "房屋产权证明或租房合同", 1, "copy", "复印件须清楚完整|须与申请地址一致", ""},
    {"labour-contract", "", "劳动合同", 1, "copy", "须在合同期内|加盖单位公章", ""},
    {"medical-certificate", "", "医院诊断证明", 1, "original", "须是二级以上医院出具|须有医生签名和医院盖章", ""},
    {"bank-card", "", "本人银行卡", 1, "original", "须是本人名下的借记卡", "用于接收补贴或退款"},
};

ojson review_points(const char* joined) {
    ojson out = ojson::array();
    std::string_view s(joined);
    while (!s.empty()) {
        const std::size_t bar = s.find('|');
        out.push_back(std::string(s.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        s.remove_prefix(bar + 1);
    }
    return out;
}

ojson material_json(const MaterialSpec& m, const ojson& when) {
    ojson j;
    j["id"] = m.id;
    if (*m.doc) j["doc"] = m.doc;
    j["name"] = m.name;
    j["count"] = m.count;
    j["form"] = m.form;
    if (!when.is_null()) j["when"] = when;
    j["review_points"] = review_points(m.points);
    j["exempt"] = "";
    j["sample"] = "";
    j["note"] = m.note;
    return j;
}

ojson in_condition(const std::string& question, const std::vector<std::string>& options) {
    return ojson{{"q", question}, {"in", options}};
}

ojson question_json(const QuestionSpec& q) {
    ojson j;
    j["id"] = q.id;
    j["text"] = q.text;
    if (*q.help) j["help"] = q.help;
    j["type"] = q.multiple ? "multiple" : "single";
    ojson options = ojson::array();
    for (const auto& o : q.options) options.push_back(ojson{{"id", o.id}, {"label", o.label}});
    j["options"] = options;
    return j;
}

// ---- answer paths (to keep only materials that some path needs) ----

using Answers = std::map<std::string, std::vector<std::string>>;

bool holds(const ojson& cond, const Answers& answers) {
    if (cond.contains("all")) {
        for (const auto& c : cond["all"])
            if (!holds(c, answers)) return false;
        return true;
    }
    if (cond.contains("any")) {
        for (const auto& c : cond["any"])
            if (holds(c, answers)) return true;
        return false;
    }
    if (cond.contains("not")) return !holds(cond["not"], answers);
    const auto it = answers.find(cond["q"].get<std::string>());
    if (it == answers.end()) return false;  // never asked on this path
    for (const auto& chosen : it->second)
        for (const auto& o : cond["in"])
            if (o.get<std::string>() == chosen) return true;
    return false;
}

// Every complete answer path of the flow (a multiple-choice question: every non-empty subset).
void answer_paths(const ojson& questions, const std::string& at, Answers& answers, std::vector<Answers>& out) {
    if (at == "end") {
        out.push_back(answers);
        return;
    }
    const ojson* q = nullptr;
    for (const auto& candidate : questions)
        if (candidate["id"] == at) q = &candidate;
    if (!q) return;
    std::vector<std::string> options;
    for (const auto& o : (*q)["options"]) options.push_back(o["id"].get<std::string>());
    std::vector<std::vector<std::string>> choices;
    if ((*q)["type"] == "multiple") {
        for (std::size_t mask = 1; mask < (std::size_t(1) << options.size()); ++mask) {
            std::vector<std::string> subset;
            for (std::size_t i = 0; i < options.size(); ++i)
                if (mask & (std::size_t(1) << i)) subset.push_back(options[i]);
            choices.push_back(subset);
        }
    } else {
        for (const auto& o : options) choices.push_back({o});
    }
    for (const auto& choice : choices) {
        answers[at] = choice;
        for (const auto& rule : (*q)["next"]) {
            if (rule.contains("when") && !holds(rule["when"], answers)) continue;
            answer_paths(questions, rule["goto"].get<std::string>(), answers, out);
            break;
        }
        answers.erase(at);
    }
}

// ---- channels, fees, FAQ, tips ----

struct StepSpec {
    const char* title;
    const char* text;
};

ojson channel_json(const std::string& kind, const std::string& id, Rng& rng) {
    ojson c;
    c["kind"] = kind;
    ojson js = ojson::array();
    auto steps = [&](std::initializer_list<StepSpec> list) {
        for (const auto& st : list) js.push_back(ojson{{"title", st.title}, {"text", st.text}, {"image", ""}});
    };
    std::string title, url, place;
    if (kind == "online") {
        title = "网上办理";
        url = "https://zwfw.nanan.example/item/" + id;
        steps({{"登录", "打开网上办事大厅，用手机号或身份证登录。"}, {"填写申请", "按提示填写申请信息。"},
              {"上传材料", "把材料拍照上传，照片要清楚。"}, {"等待结果", "审核结果会发短信通知您。"}});
    } else if (kind == "mobile") {
        title = "闽政通App办理";
        url = "https://mzt.nanan.example/item/" + id;
        steps({{"打开App", "在手机上打开闽政通App并登录。"}, {"搜索事项", "在首页搜索框输入事项名称。"},
              {"提交", "填写信息、上传材料后提交。"}});
    } else if (kind == "kiosk") {
        title = "24小时自助服务终端";
        place = "各镇（街道）便民服务中心自助服务区";
        steps({{"刷身份证", "把身份证放在读卡区。"}, {"选择事项", "在屏幕上点选要办的事。"},
              {"打印回执", "办完后取走回执和身份证。"}});
    } else if (kind == "nearest_hall") {
        title = "就近便民服务中心";
        place = "户籍所在地或居住地镇（街道）便民服务中心";
        steps({{"取号", "在叫号机上选择要办的业务。"}, {"窗口办理", "听到叫号后到窗口交材料。"},
              {"领取结果", "当场办结的当场领取，其他的按约定时间领取。"}});
    } else if (kind == "city_hall") {
        title = "南安市行政服务中心";
        place = "南安市行政服务中心" + std::to_string(rng.range(1, 48)) + "号窗口";
        steps({{"取号", "到一楼大厅取号。"}, {"窗口办理", "到对应窗口交材料。"}, {"评价", "办完后请给服务打分。"}});
    } else {  // video
        title = "视频帮办";
        steps({{"预约", "在页面上预约视频帮办时间。"}, {"视频连线", "按时接听，工作人员会一步步帮您办。"}});
    }
    c["title"] = title;
    c["url"] = url;
    c["place"] = place;
    c["steps"] = js;
    return c;
}

// ---- one item ----

struct Pick {
    int object;
    int action;     // index into kActions
    int qualifier;  // index into kQualifiers
    int variant;    // 1 = none; 2… = numbered variant (…（二）)
};

std::string pick_id(const Pick& p) {
    std::string id = std::string(kObjects[p.object].key) + "-" + kActions[p.action].key;
    if (*kQualifiers[p.qualifier].key) id += std::string("-") + kQualifiers[p.qualifier].key;
    if (p.variant > 1) id += "-v" + std::to_string(p.variant);
    return id;
}

std::string pick_name(const Pick& p) {
    std::string name = std::string(kObjects[p.object].name) + kActions[p.action].name + kQualifiers[p.qualifier].name;
    if (p.variant > 1) name += "（" + (p.variant < 100 ? chinese_number(p.variant) : std::to_string(p.variant)) + "）";
    return name;
}

ojson make_item(const Pick& p, const std::string& id, const std::string& prerequisite, std::uint64_t seed) {
    Rng rng{hash_string(id, seed)};
    const Object& obj = kObjects[p.object];
    const Action& act = kActions[p.action];
    const Category& cat = kCategories[obj.category];
    const std::string name = pick_name(p);
    const std::string short_name = obj.short_name;
    const std::string department = *obj.department ? obj.department : cat.department;

    ojson item;
    item["id"] = id;
    item["version"] = 1;
    char date[16];
    const int month = rng.range(1, 10);  // separate statements: argument order is unspecified
    const int day = rng.range(1, 28);
    std::snprintf(date, sizeof date, "2026-%02d-%02d", month, day);
    item["last_reviewed"] = date;
    item["name"] = name;
    item["plain_name"] = replace_all(act.plain, "{s}", short_name) + (p.qualifier ? kQualifiers[p.qualifier].name : "");
    item["name_en"] = std::string(act.en) + " " + obj.en + kQualifiers[p.qualifier].en +
                      (p.variant > 1 ? " (" + std::to_string(p.variant) + ")" : "");

    std::vector<std::string> aliases;
    auto add_alias = [&](std::string a) {
        if (a != name && std::find(aliases.begin(), aliases.end(), a) == aliases.end()) aliases.push_back(std::move(a));
    };
    add_alias(std::string(act.verb) + short_name);
    add_alias(short_name + act.name);
    if (rng.percent(50)) add_alias(short_name + "怎么" + act.verb);
    if (aliases.size() < 2) add_alias("办" + short_name);
    item["aliases"] = aliases;
    item["department"] = department;
    item["category"] = cat.name;
    auto events = split(cat.events);
    rng.shuffle(events);
    events.resize(std::min<std::size_t>(events.size(), std::size_t(rng.range(1, 2))));
    item["life_events"] = events;
    const int base = rng.range(1, 1000);
    item["popularity"] = (p.qualifier == 0 ? 200 : 5) + base * base / 1000;
    item["legal_basis"] = ojson::array({std::string(cat.law) + "第" + chinese_number(rng.range(2, 60)) + "条"});
    item["conditions"] = ojson{
        {"official", "申请人符合" + std::string(cat.law) + "规定条件的，可以向" + department + "申请办理" + name + "。"},
        {"plain", rng.percent(50) ? "本人或委托的人带齐材料就能办。" : "符合条件的居民、单位都可以办，不清楚的可以先问帮办员。"}};

    // Questions: the action's own question first, then distinct ones from the pool.
    std::vector<const QuestionSpec*> questions;
    if (const QuestionSpec* q = action_question(act.name)) questions.push_back(q);
    std::vector<std::size_t> order(question_pool().size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng.shuffle(order);
    const std::size_t wanted = std::size_t(rng.range(2, 3));
    for (std::size_t i = 0; questions.size() < wanted && i < order.size(); ++i) questions.push_back(&question_pool()[order[i]]);

    // Flow: q0 → q1 → (q2 only for q1's first option) → end; sometimes q0's last option ends early.
    ojson qs = ojson::array();
    for (std::size_t i = 0; i < questions.size(); ++i) {
        ojson qj = question_json(*questions[i]);
        ojson next = ojson::array();
        const bool last = i + 1 == questions.size();
        const std::string following = last ? "end" : questions[i + 1]->id;
        if (!last && i == 1) {
            next.push_back(ojson{{"when", in_condition(questions[i]->id, {questions[i]->options[0].id})}, {"goto", following}});
            next.push_back(ojson{{"goto", "end"}});
        } else if (!last && i == 0 && !questions[0]->multiple && rng.percent(30)) {
            next.push_back(ojson{{"when", in_condition(questions[0]->id, {questions[0]->options.back().id})}, {"goto", "end"}});
            next.push_back(ojson{{"goto", following}});
        } else {
            next.push_back(ojson{{"goto", following}});
        }
        qj["next"] = next;
        qs.push_back(qj);
    }
    item["visits"] = 1;
    item["start"] = questions.front()->id;
    item["questions"] = qs;

    // Materials: the ID card always (so no path is empty), then 1–2 per question, then common
    // extras, 3–6 in all.
    const std::size_t target = std::size_t(rng.range(3, 6));
    std::vector<ojson> materials;
    std::set<std::string> used;
    auto add_material = [&](const MaterialSpec& m, const ojson& when) {
        if (materials.size() >= 6 || !used.insert(m.id).second || (*m.doc && !used.insert(std::string("doc:") + m.doc).second))
            return;
        materials.push_back(material_json(m, when));
    };
    add_material(kCommonMaterials[0], ojson());
    for (const QuestionSpec* q : questions) {
        for (const auto& [options, m] : q->materials) {
            if (materials.size() + 1 >= target && materials.size() >= 3) break;
            add_material(m, in_condition(q->id, split(options)));
        }
    }
    // A combined condition where it makes sense: a minor's application made by a proxy.
    const auto asked = [&](const char* qid) {
        return std::any_of(questions.begin(), questions.end(), [&](const QuestionSpec* q) { return std::string(q->id) == qid; });
    };
    if (asked("age") && asked("who"))
        add_material({"guardianship-proof", "", "监护关系证明", 1, "original", "出生医学证明或户口簿均可|须能看出监护关系", ""},
                     ojson{{"all", ojson::array({in_condition("age", {"minor"}), in_condition("who", {"proxy"})})}});
    if (asked("channel"))
        add_material({"application-form", "", "申请表", 1, "original", "信息填写完整、字迹清楚|申请人签名", "窗口可以领取空白表"},
                     ojson{{"not", in_condition("channel", {"online"})}});
    for (std::size_t i = 1; materials.size() < target && i < std::size(kCommonMaterials); ++i)
        if (rng.percent(60) || materials.size() < 3) add_material(kCommonMaterials[i], ojson());
    // Keep only materials that some answer path needs (the ID card is needed on every path).
    std::vector<Answers> paths;
    Answers scratch;
    answer_paths(qs, item["start"].get<std::string>(), scratch, paths);
    ojson kept = ojson::array();
    for (const auto& m : materials)
        if (!m.contains("when") ||
            std::any_of(paths.begin(), paths.end(), [&](const Answers& a) { return holds(m["when"], a); }))
            kept.push_back(m);
    for (std::size_t i = 1; kept.size() < 3 && i < std::size(kCommonMaterials); ++i) {
        const bool present = std::any_of(kept.begin(), kept.end(), [&](const ojson& m) {
            return m["id"] == kCommonMaterials[i].id || (*kCommonMaterials[i].doc && m.value("doc", "") == kCommonMaterials[i].doc);
        });
        if (!present) kept.push_back(material_json(kCommonMaterials[i], ojson()));
    }
    item["materials"] = kept;

    if (rng.percent(30)) {
        static const int amounts[] = {5, 10, 20, 40};
        item["fees"] = ojson::array({ojson{{"name", "证件工本费"}, {"amount_yuan", amounts[rng.below(4)]}, {"note", "首次申领不收费"}}});
    } else {
        item["fees"] = ojson::array();
    }
    static const int legal_days[] = {0, 5, 10, 15, 20, 30, 60};
    const int legal = legal_days[rng.below(std::size(legal_days))];
    const int promised = legal == 0 ? 1 : std::max(1, legal / rng.range(2, 4));
    item["time_limit"] = ojson{{"legal_days", legal}, {"promised_days", promised},
                               {"note", legal == 0 ? "材料齐全的当场办结" : ""}};

    static const char* kinds[] = {"online", "mobile", "kiosk", "video"};
    std::vector<std::string> channel_kinds = {rng.percent(60) ? "nearest_hall" : "city_hall"};
    const std::size_t extra = std::size_t(rng.range(1, 2));
    std::vector<std::string> others(std::begin(kinds), std::end(kinds));
    rng.shuffle(others);
    for (std::size_t i = 0; i < extra; ++i) channel_kinds.push_back(others[i]);
    ojson channels = ojson::array();
    bool online = false;
    for (const auto& k : channel_kinds) {
        channels.push_back(channel_json(k, id, rng));
        online = online || k == "online" || k == "mobile";
    }
    item["visits"] = online ? 0 : rng.range(1, 2);
    item["channels"] = channels;
    item["prerequisites"] = prerequisite.empty() ? ojson::array() : ojson::array({prerequisite});
    item["follow_ups"] = ojson::array();

    ojson faq = ojson::array();
    faq.push_back(ojson{{"q", "可以请别人代办吗？"}, {"a", "可以。代办人带上授权委托书和自己的身份证。"}});
    if (rng.percent(60))
        faq.push_back(ojson{{"q", "多久能办好？"},
                            {"a", "材料齐全的，" + std::to_string(promised) + "个工作日内办好。"}});
    item["faq"] = faq;
    static const char* tips[] = {"带齐材料再出门，少跑一趟。", "不确定要带什么，可以先在线预审。",
                                 "窗口中午不休息，周六上午也能办。", "可以先打电话问清楚再去。"};
    item["tips"] = ojson::array({tips[rng.below(std::size(tips))]});
    return item;
}

std::vector<Pick> distinct_picks() {
    std::vector<Pick> picks;
    for (int q = 0; q < int(std::size(kQualifiers)); ++q)
        for (int o = 0; o < int(std::size(kObjects)); ++o)
            for (const auto& a : split(kObjects[o].actions))
                picks.push_back({o, int(&find_action(a) - kActions), q, 1});
    return picks;
}

bool is_first_action(const char* action) {
    const std::string a = action;
    return a == "申领" || a == "登记" || a == "核发" || a == "参保登记" || a == "申请";
}

}  // namespace

std::size_t gencat_distinct_names() { return distinct_picks().size(); }

std::vector<ojson> generate_catalogue(std::size_t count, std::uint64_t seed) {
    Rng rng{seed ^ 0x5DEECE66Dull};
    // Unqualified names first (the common items), then the qualified ones; each group shuffled.
    std::vector<Pick> plain, qualified;
    for (const Pick& p : distinct_picks()) (p.qualifier == 0 ? plain : qualified).push_back(p);
    rng.shuffle(plain);
    rng.shuffle(qualified);
    std::vector<Pick> order = plain;
    order.insert(order.end(), qualified.begin(), qualified.end());

    std::vector<Pick> chosen;
    chosen.reserve(count);
    for (int variant = 1; chosen.size() < count; ++variant)
        for (std::size_t i = 0; i < order.size() && chosen.size() < count; ++i) {
            Pick p = order[i];
            p.variant = variant;
            chosen.push_back(p);
        }

    // Prerequisites: a change/replacement/… of an object follows its first issue, when chosen.
    std::map<std::pair<int, int>, std::string> first_issue;  // (object, qualifier) → id
    for (const Pick& p : chosen)
        if (p.variant == 1 && is_first_action(kActions[p.action].name))
            first_issue.emplace(std::make_pair(p.object, p.qualifier), pick_id(p));

    std::vector<ojson> items;
    items.reserve(count);
    for (const Pick& p : chosen) {
        const std::string id = pick_id(p);
        std::string prerequisite;
        if (!is_first_action(kActions[p.action].name)) {
            const auto it = first_issue.find({p.object, p.qualifier});
            if (it != first_issue.end() && it->second != id) prerequisite = it->second;
        }
        items.push_back(make_item(p, id, prerequisite, seed));
    }
    return items;
}

}  // namespace dp
