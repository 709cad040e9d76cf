// Province-level names and the Fujian county-level code table (GB/T 2260). No Debian package ships
// GB/T 2260, so the table is written here by hand, limited to Fujian (the demo county is 南安市).
#include "region_codes.hpp"

namespace dp {

namespace {

struct Province {
    const char* code;
    const char* name;
};

constexpr Province kProvinces[] = {
    {"11", "北京市"},         {"12", "天津市"},         {"13", "河北省"},
    {"14", "山西省"},         {"15", "内蒙古自治区"},   {"21", "辽宁省"},
    {"22", "吉林省"},         {"23", "黑龙江省"},       {"31", "上海市"},
    {"32", "江苏省"},         {"33", "浙江省"},         {"34", "安徽省"},
    {"35", "福建省"},         {"36", "江西省"},         {"37", "山东省"},
    {"41", "河南省"},         {"42", "湖北省"},         {"43", "湖南省"},
    {"44", "广东省"},         {"45", "广西壮族自治区"}, {"46", "海南省"},
    {"50", "重庆市"},         {"51", "四川省"},         {"52", "贵州省"},
    {"53", "云南省"},         {"54", "西藏自治区"},     {"61", "陕西省"},
    {"62", "甘肃省"},         {"63", "青海省"},         {"64", "宁夏回族自治区"},
    {"65", "新疆维吾尔自治区"}, {"71", "台湾省"},       {"81", "香港特别行政区"},
    {"82", "澳门特别行政区"},
};

// Current codes (after the 2021 changes in 三明 and 漳州), then former codes still found on ID
// numbers issued before a county became a city or district, or before two districts merged.
constexpr FujianRegion kFujian[] = {
    // 福州市
    {"350100", "福州市", true}, {"350101", "福州市市辖区", true}, {"350102", "鼓楼区", true},
    {"350103", "台江区", true}, {"350104", "仓山区", true}, {"350105", "马尾区", true},
    {"350111", "晋安区", true}, {"350112", "长乐区", true}, {"350121", "闽侯县", true},
    {"350122", "连江县", true}, {"350123", "罗源县", true}, {"350124", "闽清县", true},
    {"350125", "永泰县", true}, {"350128", "平潭县", true}, {"350181", "福清市", true},
    {"350182", "长乐市", false},
    // 厦门市
    {"350200", "厦门市", true}, {"350201", "厦门市市辖区", true}, {"350202", "鼓浪屿区", false},
    {"350203", "思明区", true}, {"350204", "开元区", false}, {"350205", "海沧区", true},
    {"350206", "湖里区", true}, {"350211", "集美区", true}, {"350212", "同安区", true},
    {"350213", "翔安区", true}, {"350221", "同安县", false},
    // 莆田市
    {"350300", "莆田市", true}, {"350301", "莆田市市辖区", true}, {"350302", "城厢区", true},
    {"350303", "涵江区", true}, {"350304", "荔城区", true}, {"350305", "秀屿区", true},
    {"350321", "莆田县", false}, {"350322", "仙游县", true},
    // 三明市
    {"350400", "三明市", true}, {"350401", "三明市市辖区", true}, {"350402", "梅列区", false},
    {"350403", "三元区", false}, {"350404", "三元区", true}, {"350405", "沙县区", true},
    {"350421", "明溪县", true}, {"350423", "清流县", true}, {"350424", "宁化县", true},
    {"350425", "大田县", true}, {"350426", "尤溪县", true}, {"350427", "沙县", false},
    {"350428", "将乐县", true}, {"350429", "泰宁县", true}, {"350430", "建宁县", true},
    {"350481", "永安市", true},
    // 泉州市
    {"350500", "泉州市", true}, {"350501", "泉州市市辖区", true}, {"350502", "鲤城区", true},
    {"350503", "丰泽区", true}, {"350504", "洛江区", true}, {"350505", "泉港区", true},
    {"350521", "惠安县", true}, {"350522", "晋江县", false}, {"350523", "南安县", false},
    {"350524", "安溪县", true}, {"350525", "永春县", true}, {"350526", "德化县", true},
    {"350527", "金门县", true}, {"350581", "石狮市", true}, {"350582", "晋江市", true},
    {"350583", "南安市", true},
    // 漳州市
    {"350600", "漳州市", true}, {"350601", "漳州市市辖区", true}, {"350602", "芗城区", true},
    {"350603", "龙文区", true}, {"350604", "龙海区", true}, {"350605", "长泰区", true},
    {"350621", "龙海县", false}, {"350622", "云霄县", true}, {"350623", "漳浦县", true},
    {"350624", "诏安县", true}, {"350625", "长泰县", false}, {"350626", "东山县", true},
    {"350627", "南靖县", true}, {"350628", "平和县", true}, {"350629", "华安县", true},
    {"350681", "龙海市", false},
    // 南平市
    {"350700", "南平市", true}, {"350701", "南平市市辖区", true}, {"350702", "延平区", true},
    {"350703", "建阳区", true}, {"350721", "顺昌县", true}, {"350722", "浦城县", true},
    {"350723", "光泽县", true}, {"350724", "松溪县", true}, {"350725", "政和县", true},
    {"350781", "邵武市", true}, {"350782", "武夷山市", true}, {"350783", "建瓯市", true},
    {"350784", "建阳市", false},
    // 龙岩市
    {"350800", "龙岩市", true}, {"350801", "龙岩市市辖区", true}, {"350802", "新罗区", true},
    {"350803", "永定区", true}, {"350821", "长汀县", true}, {"350822", "永定县", false},
    {"350823", "上杭县", true}, {"350824", "武平县", true}, {"350825", "连城县", true},
    {"350881", "漳平市", true},
    // 宁德市
    {"350900", "宁德市", true}, {"350901", "宁德市市辖区", true}, {"350902", "蕉城区", true},
    {"350921", "霞浦县", true}, {"350922", "古田县", true}, {"350923", "屏南县", true},
    {"350924", "寿宁县", true}, {"350925", "周宁县", true}, {"350926", "柘荣县", true},
    {"350981", "福安市", true}, {"350982", "福鼎市", true},
};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<std::string> province_name(std::string_view two_digits) {
    if (two_digits.size() != 2) return std::nullopt;
    for (const auto& p : kProvinces)
        if (two_digits == p.code) return std::string(p.name);
    return std::nullopt;
}

const FujianRegion* find_fujian_region(std::string_view six_digits) {
    if (six_digits.size() != 6 || !all_digits(six_digits)) return nullptr;
    for (const auto& r : kFujian)
        if (six_digits == r.code) return &r;
    return nullptr;
}

FujianCodeCheck check_fujian_code(std::string_view six_digits) {
    if (six_digits.size() != 6 || !all_digits(six_digits) || six_digits.substr(0, 2) != "35")
        return FujianCodeCheck::unknown;
    if (find_fujian_region(six_digits)) return FujianCodeCheck::known;
    if (six_digits[2] == '2' && six_digits[3] >= '1' && six_digits[3] <= '9')
        return FujianCodeCheck::former_prefecture;
    return FujianCodeCheck::unknown;
}

}  // namespace dp
