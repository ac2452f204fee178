//! The programme's outcome: the feeding recall asked at each home visit, the danger signs and
//! the referral, and their problems on a sheet.

use super::strings;

strings! {
    fed_breast_milk: "Kemarin (siang atau malam) bayi mendapat ASI, menyusu atau ASI perah?" | "Yesterday (day or night), did the baby have breast milk, at the breast or expressed?",
    fed_water: "Kemarin bayi mendapat air putih?" | "Yesterday, did the baby have plain water?",
    fed_formula: "Kemarin bayi mendapat susu formula?" | "Yesterday, did the baby have infant formula?",
    fed_other_milk: "Kemarin bayi mendapat susu lain (susu sapi, kental manis, susu bubuk)?" | "Yesterday, did the baby have other milk (cow's, condensed or powdered milk)?",
    fed_drinks: "Kemarin bayi mendapat minuman lain: jus, teh, air gula, air tajin, madu?" | "Yesterday, did the baby have other drinks: juice, tea, sugar water, rice water, honey?",
    fed_food: "Kemarin bayi mendapat bubur, pisang atau makanan lain apa pun?" | "Yesterday, did the baby have porridge, banana or any other food?",
    fed_medicine: "Kemarin bayi mendapat oralit, tetes vitamin atau obat? (boleh: tetap ASI eksklusif)" | "Yesterday, did the baby have ORS, vitamin drops or medicine? (allowed: still exclusive)",
    recalled_yes: "ya" | "yes",
    recalled_no: "tidak" | "no",
    recalled_unknown: "tidak tahu" | "don't know",
    recall_one_at_a_time: "Tanyakan satu per satu; jangan bertanya \"apakah ASI eksklusif?\"." | "Ask one at a time; never ask \"is he exclusively breastfed?\".",
    danger_mother_q: "Ibu: perdarahan banyak, pingsan, sakit kepala hebat atau pandangan kabur, sesak napas, demam?" | "Mother: heavy bleeding, fainting, severe headache or blurred vision, breathlessness, fever?",
    danger_baby_q: "Bayi: malas atau tidak mau menyusu, kejang, napas cepat atau sesak, badan panas atau dingin, hanya bergerak bila dirangsang, telapak kuning?" | "Baby: feeds poorly or not at all, convulsions, fast or difficult breathing, hot or cold, moves only when stimulated, yellow palms or soles?",
    answer_every_recall: "Jawab setiap pertanyaan makan bayi kemarin (ya, tidak atau tidak tahu)." | "Answer every question about the baby's feeding yesterday (yes, no or don't know).",
    answer_danger: "Jawab kedua pertanyaan tanda bahaya (ya atau tidak)." | "Answer both danger-sign questions (yes or no).",
    danger_mother_label: "Tanda bahaya ibu" | "Mother's danger signs",
    danger_baby_label: "Tanda bahaya bayi" | "Baby's danger signs",
    referred_to_q: "Dirujuk ke (bidan, puskesmas…; kosong = tidak dirujuk)" | "Referred to (midwife, puskesmas…; empty = not referred)",
    danger_go_now: "Tanda bahaya: antar ke bidan atau puskesmas sekarang." | "A danger sign: take them to the midwife or puskesmas now.",
    sheet_recall_partial: "ingatan makan kemarin: isi ketujuh kolom (asi, air_putih, susu_formula, susu_lain, minuman_lain, makanan, obat) atau kosongkan semuanya; kosong: {empty}" | "yesterday's feeding: fill all seven columns (breast_milk, water, formula, other_milk, drinks, food, medicine) or leave them all empty; empty: {empty}",
    sheet_recall_not_known: "{column} `{v}` tidak dikenal: tulis ya, tidak atau tidak tahu" | "{column} `{v}` is not known: write yes, no or don't know",
    sheet_danger_not_known: "{column} `{v}` tidak dikenal: tulis ya atau tidak" | "{column} `{v}` is not known: write yes or no",
    sheet_danger_partial: "tanda bahaya: isi bahaya_ibu dan bahaya_bayi (ya/tidak), atau kosongkan keduanya dan dirujuk_ke" | "danger signs: fill danger_mother and danger_baby (yes/no), or leave both and referred_to empty",
    baby_born_after_visit: "kunjungan {visit} lebih awal dari tanggal lahir bayi {born}" | "the visit on {visit} is before the baby's birth on {born}",
}
