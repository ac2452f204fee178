//! The phone page's texts: all of them are sent to the phone, which shows the language the
//! father chose (Indonesian first).

use super::strings;

strings! {
    page_title: "Tes pijat oksitosin di HP" | "Oxytocin massage test on the phone",
    choose_lang: "Pilih bahasa" | "Choose a language",
    code_heading: "Kode kelas" | "Class code",
    code_label: "Kode kelas: 4 angka dari pelatih" | "Class code: 4 digits from the trainer",
    code_button: "Masuk" | "Enter",
    name_heading: "Pilih nama Anda" | "Choose your name",
    new_name_label: "Nama Anda tidak ada? Tulis nama Anda" | "Your name is not there? Write your name",
    new_name_button: "Tambahkan nama saya" | "Add my name",
    no_names: "Daftar kelas masih kosong. Minta pelatih menambahkan nama Anda." | "The class list is empty. Ask the trainer to add your name.",
    name_busy: "dipakai di HP lain" | "in use on another phone",
    name_done: "sudah mengerjakan" | "already done",
    question_of: "Soal {n} dari {m}" | "Question {n} of {m}",
    progress_label: "Kemajuan tes" | "Test progress",
    true_word: "Benar" | "True",
    false_word: "Salah" | "False",
    answer_button: "Jawab" | "Answer",
    read_aloud: "Bacakan" | "Read aloud",
    saving: "Menyimpan jawaban…" | "Saving the answer…",
    saved: "Jawaban tersimpan." | "Answer saved.",
    save_failed: "Jawaban BELUM tersimpan. Mencoba lagi…" | "The answer is NOT saved yet. Trying again…",
    choose_first: "Pilih jawaban dulu, lalu tekan Jawab." | "Choose an answer first, then press Answer.",
    multiple_hint: "Pilih semua yang benar, lalu tekan Jawab." | "Choose every right one, then press Answer.",
    order_hint: "Ketuk langkah-langkah sesuai urutan yang benar." | "Tap the steps in the right order.",
    order_reset: "Ulangi urutan" | "Start the order again",
    done_heading: "Selesai" | "Finished",
    done_pre: "Terima kasih! Semua jawaban Anda tersimpan. Pelatih akan membahas tes ini setelah tes akhir." | "Thank you! All your answers are saved. The trainer goes through this test after the post-test.",
    done_post: "Terima kasih! Semua jawaban Anda tersimpan. Nilai Anda:" | "Thank you! All your answers are saved. Your score:",
    right_of: "{r} dari {t} benar" | "{r} of {t} right",
    ended: "Tes sudah ditutup oleh pelatih." | "The trainer has closed the test.",
    offline: "Tidak tersambung ke laptop pelatih. Mencoba lagi…" | "Not connected to the trainer's laptop. Trying again…",
    pre_name: "Tes awal" | "Pre-test",
    post_name: "Tes akhir" | "Post-test",
    you_are: "Anda:" | "You:",
}

pub fn tr(lang: &crate::core::Lang) -> &'static Strings {
    if lang.is_en() { &EN } else { &ID }
}
