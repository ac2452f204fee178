//! The phone classroom's messages: what a phone is told when a request is refused, and what
//! the trainer reads on the laptop (the live screen and `pijat classroom`).

use super::strings;
use crate::core::Bilingual;

strings! {
    wrong_code: "Kode kelas salah. Sisa percobaan: {n}." | "Wrong class code. Tries left: {n}.",
    wait_code: "Terlalu banyak kode salah. Tunggu {s} detik, lalu coba lagi." | "Too many wrong codes. Wait {s} seconds, then try again.",
    code_first: "Masukkan kode kelas dulu." | "Enter the class code first.",
    unknown_device: "HP ini belum dikenal. Muat ulang halaman." | "This phone is not known. Reload the page.",
    name_busy: "Nama ini sedang dipakai di HP lain. Kalau ini nama Anda, minta pelatih melepasnya." | "This name is in use on another phone. If it is your name, ask the trainer to release it.",
    already_taken: "{n} sudah mengerjakan tes ini; setiap tes dikerjakan sekali." | "{n} has already taken this test; each test is taken once.",
    no_such_name: "Nama itu tidak ada di daftar kelas. Pilih lagi." | "That name is not on the class list. Choose again.",
    new_names_off: "Pelatih tidak mengizinkan menambah nama. Minta pelatih menambahkan nama Anda." | "The trainer does not allow adding names. Ask the trainer to add your name.",
    name_first: "Pilih nama Anda dulu." | "Choose your name first.",
    already_joined: "HP ini sudah dipakai untuk {n}." | "This phone is already used for {n}.",
    stale: "Soal itu bukan soal yang sekarang; halaman menampilkan soal yang sekarang." | "That is not the current question; the page shows the current one.",
    ended: "Tes sudah ditutup oleh pelatih." | "The trainer has closed the test.",
    too_many_phones: "Terlalu banyak HP tersambung. Tunggu sebentar, lalu coba lagi." | "Too many phones are connected. Wait a moment, then try again.",
    not_saved: "Jawaban belum tersimpan: {m}" | "The answer was not saved: {m}",
    bad_request: "Permintaan tidak bisa dibaca: {m}" | "The request could not be read: {m}",
    internal: "kesalahan di laptop pelatih; coba lagi" | "an error on the trainer's laptop; try again",
    too_big: "Permintaan terlalu besar." | "The request is too large.",
    not_found: "Alamat ini tidak ada." | "There is no such address.",
    foreign_host: "Alamat ini bukan alamat laptop pelatih." | "This is not the trainer laptop's address.",
    choose_first: "Pilih jawaban dulu." | "Choose an answer first.",
    class_missing: "Tidak ada kelas bernama {n}: buat kelasnya di mode pelatih, atau cek ejaannya." | "There is no class called {n}: create it in trainer mode, or check the spelling.",
    quiz_missing: "Tidak ada set soal `{q}`." | "There is no question set `{q}`.",
    quiz_not_test: "Set soal `{q}` bukan tes awal/akhir." | "The question set `{q}` is not a pre/post test.",
    not_a_test: "Pilih tes awal (pre) atau tes akhir (post)." | "Choose the pre-test (pre) or the post-test (post).",
    listen_syntax: "`{a}` bukan ALAMAT:PORT, misalnya 192.168.137.1:8080" | "`{a}` is not ADDRESS:PORT, e.g. 192.168.137.1:8080",
    listen_public: "{a} bukan alamat jaringan pribadi: pakai 127.x, 10.x, 172.16–31.x atau 192.168.x (hotspot laptop)" | "{a} is not a private network address: use 127.x, 10.x, 172.16–31.x or 192.168.x (the laptop's hotspot)",
    listen_failed: "Tidak bisa membuka {a}: {m}" | "Cannot listen on {a}: {m}",
    no_network: "Tidak ada jaringan pribadi; HP belum bisa tersambung. Nyalakan Mobile hotspot Windows, lalu mulai lagi. Sementara: hanya laptop ini." | "No private network; phones cannot connect yet. Turn on the Windows Mobile hotspot, then start again. For now: this laptop only.",
    server_failed: "Server tes tidak bisa berjalan: {m}" | "The test server cannot run: {m}",
    live_title: "Tes di HP" | "Test on phones",
    live_scan: "Pindai kode QR atau buka:" | "Scan the QR code or open:",
    live_code: "Kode kelas:" | "Class code:",
    live_name: "Nama" | "Name",
    live_joined: "Masuk" | "Joined",
    live_answered: "Dijawab" | "Answered",
    live_done: "Selesai" | "Done",
    live_none: "Belum ada peserta di daftar kelas." | "Nobody on the class list yet.",
    live_new_names_on: "Nama baru boleh ditambah dari HP." | "New names may be added from a phone.",
    live_new_names_off: "Nama baru tidak boleh ditambah dari HP." | "New names may not be added from a phone.",
    live_released: "{n} dilepas: boleh masuk dari HP lain." | "{n} released: may join from another phone.",
    live_not_bound: "{n} belum memakai HP." | "{n} is not on a phone.",
    live_end_ask: "{n} peserta belum selesai. Akhiri tes sekarang?" | "{n} participants are not done. End the test now?",
    live_ended: "Tes di HP selesai: {n} peserta menyelesaikan." | "The phone test is over: {n} participants finished.",
    live_too_small: "Perbesar jendela (minimal 80×24) agar kode QR terbaca." | "Make the window bigger (at least 80×24) so the QR code can be read.",
    choose_set: "Set soal untuk tes di HP" | "Question set for the phone test",
    headless_stop: "Tekan Ctrl+C (atau tutup masukan) untuk mengakhiri tes." | "Press Ctrl+C (or close the input) to end the test.",
}

/// A text of this table in both languages, with `{k}` replaced by `v`.
pub fn both(pick: fn(&Strings) -> &'static str, subs: &[(&str, &str)]) -> Bilingual {
    let fill = |s: &str| {
        subs.iter()
            .fold(s.to_string(), |t, (k, v)| t.replace(&format!("{{{k}}}"), v))
    };
    Bilingual::new(fill(pick(&ID)), fill(pick(&EN)))
}

pub fn tr(lang: &crate::core::Lang) -> &'static Strings {
    if lang.is_en() { &EN } else { &ID }
}
