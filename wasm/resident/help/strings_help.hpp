// The help app's UI wording in 简体, 繁體 and English (its own table, beside the resident
// app's wasm/resident/strings.*).
#pragma once
#include <string>

#include "render_doc.hpp"

namespace help {

enum class HelpStr {
    a_picture, agent_typing, agreement, ask, ask_desc, ask_desc_any, ask_intro, book_video,
    call_12345, chat, clear, comment_optional, consent, delivery, f_address, f_delivery_address,
    f_handover, f_id_hint, f_id_number, f_name, f_phone, fix_these, for_item, from_gallery,
    help_intro, help_title, helper, history, kept_on_phone, loading, materials, message_placeholder,
    my_requests, next_sign, no_requests, no_sample, not_accepted, not_picked, not_signed_yet, offline_banner,
    pick_one, pick_slot, pickup, prereview, prereview_desc, prereview_intro, prereview_passed, proxy,
    proxy_desc, proxy_form_intro, rate_title, read, redo, redo_because, request_number, request_status,
    requests_n, result, sample, send, send_picture, sending, sign_and_consent, sign_hash,
    sign_here, sign_hint, sign_submit, signed_at, slots_failed, submit_prereview, submit_rating, submitting,
    take_photo, undo, unknown_request, unknown_request_detail, unread, upload_this, video, video_desc,
    video_intro, waiting_detail, waiting_to_send, which_item, your_message, your_question, your_rating, yours,
    number_after_submit, withdraw, withdraw_question, withdraw_yes, withdraw_no, withdrawn_note, accept_time,
    video_proposed_hint, photo_send, gallery_send, video_confirmed_hint,
    count
};

std::string tr(HelpStr key, dp::Locale locale);
std::string tr_n(HelpStr key, dp::Locale locale, int n);  // replaces {n}
// The national 5-level satisfaction scale: 5 非常满意 … 1 非常不满意.
std::string rating_label(int score, dp::Locale locale);

}  // namespace help
