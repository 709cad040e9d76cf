// Help app wording table (see strings_help.hpp).
#include "strings_help.hpp"

namespace help {
namespace {

struct Row {
    const char* zh_hans;
    const char* zh_hant;
    const char* en;
};

const Row kRows[static_cast<int>(HelpStr::count)] = {
    {"[图片]", "[圖片]", "[Picture]"},
    {"帮办员正在输入…", "幫辦員正在輸入…", "The helper is typing…"},
    {"代办委托书", "代辦委託書", "Proxy agreement"},
    {"问一问", "問一問", "Ask a question"},
    {"在线问帮办员，可以发文字和照片", "在線問幫辦員，可以發文字和照片", "Chat with a helper: text and photos"},
    {"不知道办哪一件？先问问帮办员", "不知道辦哪一件？先問問幫辦員", "Not sure which service? Ask a helper"},
    {"写下你想问的，帮办员上班时间一般几分钟内回复。", "寫下你想問的，幫辦員上班時間一般幾分鐘內回覆。", "Write your question; helpers usually answer within minutes in office hours."},
    {"预约这个时间", "預約這個時間", "Book this time"},
    {"拨打 12345", "撥打 12345", "Call 12345"},
    {"对话", "對話", "Conversation"},
    {"清除", "清除", "Clear"},
    {"想说的话（可不填）", "想說的話（可不填）", "Comment (optional)"},
    {"我已阅读并同意以上委托书，委托帮办员代我办理", "我已閱讀並同意以上委託書，委託幫辦員代我辦理", "I have read and agree to this agreement"},
    {"办好后邮寄到家", "辦好後郵寄到家", "Mail the result to me"},
    {"住址（已按门牌填好，可以修改）", "住址（已按門牌填好，可以修改）", "Address (from your doorplate; you may change it)"},
    {"邮寄地址", "郵寄地址", "Mailing address"},
    {"办好后怎么拿", "辦好後怎麼拿", "How to get the result"},
    {"18位，最后一位可能是X", "18位，最後一位可能是X", "18 characters; the last may be X"},
    {"身份证号码", "身份證號碼", "Resident ID number"},
    {"姓名", "姓名", "Name"},
    {"手机号码", "手機號碼", "Mobile number"},
    {"请修改下面的内容：", "請修改下面的內容：", "Please correct:"},
    {"要办的事：", "要辦的事：", "Service: "},
    {"从相册选", "從相簿選", "From gallery"},
    {"帮办员可以替你跑腿、先看材料、在线答疑或视频指导。", "幫辦員可以替你跑腿、先看材料、在線答疑或視頻指導。", "Helpers can run the errand for you, check your papers, answer questions or guide you on video."},
    {"找人帮我办", "找人幫我辦", "Get help"},
    {"帮办员：", "幫辦員：", "Helper: "},
    {"办理记录", "辦理記錄", "History"},
    {"申请记在这部手机上，换手机后需要重新申请或拨打 12345 查询。", "申請記在這部手機上，換手機後需要重新申請或撥打 12345 查詢。", "Requests are kept on this phone."},
    {"正在读取…", "正在讀取…", "Loading…"},
    {"材料", "材料", "Papers"},
    {"请输入", "請輸入", "Type here"},
    {"我的申请", "我的申請", "My requests"},
    {"下一步：签署委托书", "下一步：簽署委託書", "Next: sign the agreement"},
    {"这部手机还没有申请过。", "這部手機還沒有申請過。", "No requests from this phone yet."},
    {"没有样例", "沒有樣例", "No sample"},
    {"没有提交成功：", "沒有提交成功：", "Not accepted: "},
    {"还没有选照片", "還沒有選照片", "No photo yet"},
    {"委托书还没有签署", "委託書還沒有簽署", "Not signed yet"},
    {"现在没有网络：提交的内容会先存在手机上，联网后自动发送", "現在沒有網路：提交的內容會先存在手機上，聯網後自動發送", "Offline: what you submit is kept and sent when you are back online"},
    {"至少拍一件材料再提交。", "至少拍一件材料再提交。", "Add at least one photo first."},
    {"选一个时间", "選一個時間", "Choose a time"},
    {"办好后到服务点领取", "辦好後到服務點領取", "Pick it up at the service point"},
    {"材料预审", "材料預審", "Check my papers"},
    {"先拍照给帮办员看，少跑冤枉路", "先拍照給幫辦員看，少跑冤枉路", "Send photos first, avoid wasted trips"},
    {"对照左边的样例，把每件材料拍清楚。帮办员看过后会告诉你哪件要重拍。", "對照左邊的樣例，把每件材料拍清楚。幫辦員看過後會告訴你哪件要重拍。", "Photograph each paper like the sample; the helper tells you which to redo."},
    {"预审通过", "預審通過", "Papers approved"},
    {"帮我代办", "幫我代辦", "Do it for me"},
    {"填表、签委托书，帮办员替你跑", "填表、簽委託書，幫辦員替你跑", "Fill in, sign, and a helper does the errand"},
    {"请按身份证上的信息填写。填错的地方会马上提示，已填的内容不会丢。", "請按身份證上的資訊填寫。填錯的地方會馬上提示，已填的內容不會丟。", "Fill in as on your ID card; mistakes are shown at once and nothing is lost."},
    {"请为这次服务评价", "請為這次服務評價", "Rate this service"},
    {"已读", "已讀", "Read"},
    {"重做", "重做", "Redo"},
    {"需要重新提交：", "需要重新提交：", "Please redo: "},
    {"申请编号", "申請編號", "Request number"},
    {"办理进度", "辦理進度", "Progress"},
    {"共 {n} 件", "共 {n} 件", "{n} in all"},
    {"办理结果：", "辦理結果：", "Result: "},
    {"正确样例", "正確樣例", "Correct sample"},
    {"发送", "發送", "Send"},
    {"发照片", "發照片", "Send a photo"},
    {"正在发送…", "正在發送…", "Sending…"},
    {"请先手写签名并勾选同意。", "請先手寫簽名並勾選同意。", "Sign and tick the box first."},
    {"签署内容指纹：", "簽署內容指紋：", "Fingerprint: "},
    {"请在下面框里用手指签名", "請在下面框裡用手指簽名", "Sign with your finger below"},
    {"在这里签名", "在這裡簽名", "Sign here"},
    {"签署并提交", "簽署並提交", "Sign and submit"},
    {"已签署：", "已簽署：", "Signed: "},
    {"暂时拿不到可预约的时间，请稍后再试。", "暫時拿不到可預約的時間，請稍後再試。", "No times available right now; try later."},
    {"提交预审", "提交預審", "Send for checking"},
    {"提交评价", "提交評價", "Submit rating"},
    {"正在提交…", "正在提交…", "Submitting…"},
    {"拍照", "拍照", "Take photo"},
    {"撤销", "撤銷", "Undo"},
    {"这部手机上没有这个申请", "這部手機上沒有這個申請", "This request is not on this phone"},
    {"申请只能在提交它的手机上查看。", "申請只能在提交它的手機上查看。", "A request can be viewed on the phone that made it."},
    {"未读", "未讀", "Not read yet"},
    {"上传这张", "上傳這張", "Upload this"},
    {"视频帮办", "視頻幫辦", "Video help"},
    {"约个时间，帮办员视频里一步步教你", "約個時間，幫辦員視頻裡一步步教你", "Book a time; a helper guides you on video"},
    {"选一个方便的时间，帮办员确认后会按时给你打视频电话。", "選一個方便的時間，幫辦員確認後會按時給你打視頻電話。", "Choose a time; once confirmed the helper calls you."},
    {"没有网络时先存在手机上，联网后会自动发送一次。", "沒有網路時先存在手機上，聯網後會自動發送一次。", "Kept on the phone while offline; sent once when back online."},
    {"待发送", "待發送", "Waiting to send"},
    {"先选要办的事：", "先選要辦的事：", "First choose the service:"},
    {"发消息", "發訊息", "Message"},
    {"你的问题", "你的問題", "Your question"},
    {"你的评价", "你的評價", "Your rating"},
    {"你的照片", "你的照片", "Your photo"},
    {"（提交后生成）", "（提交後生成）", "(given on submission)"},
    {"撤回申请", "撤回申請", "Withdraw this request"},
    {"确定要撤回这个申请吗？撤回后帮办员不再办理；以后要办，需要重新申请。", "確定要撤回這個申請嗎？撤回後幫辦員不再辦理；以後要辦，需要重新申請。", "Withdraw this request? The helper stops working on it; to go on later you apply again."},
    {"确定撤回", "確定撤回", "Yes, withdraw"},
    {"不撤回", "不撤回", "No, keep it"},
    {"你已撤回这个申请。", "你已撤回這個申請。", "You withdrew this request."},
    {"同意这个时间", "同意這個時間", "Accept this time"},
    {"帮办员建议换一个时间。同意后就定下来了。", "幫辦員建議換一個時間。同意後就定下來了。", "The helper suggests another time. Accept it to book it."},
    {"拍照发送", "拍照發送", "Take a photo"},
    {"从相册选图", "從相簿選圖", "From gallery"},
    {"到时帮办员会给你打视频电话，请保持手机畅通。", "到時幫辦員會給你打視頻電話，請保持手機暢通。", "The helper will video-call you at that time."},
};

const Row kRatings[5] = {
    {"非常不满意", "非常不滿意", "Very dissatisfied"},
    {"不满意", "不滿意", "Dissatisfied"},
    {"基本满意", "基本滿意", "Fairly satisfied"},
    {"满意", "滿意", "Satisfied"},
    {"非常满意", "非常滿意", "Very satisfied"},
};

const char* pick(const Row& r, dp::Locale locale) {
    return locale == dp::Locale::zh_hant ? r.zh_hant : locale == dp::Locale::en ? r.en : r.zh_hans;
}

}  // namespace

std::string tr(HelpStr key, dp::Locale locale) { return pick(kRows[static_cast<int>(key)], locale); }

std::string tr_n(HelpStr key, dp::Locale locale, int n) {
    std::string s = tr(key, locale);
    const auto at = s.find("{n}");
    if (at != std::string::npos) s.replace(at, 3, std::to_string(n));
    return s;
}

std::string rating_label(int score, dp::Locale locale) {
    if (score < 1 || score > 5) return "";
    return pick(kRatings[score - 1], locale);
}

}  // namespace help
