#!/usr/bin/env bash
# scripts/release.sh VERSION: what a trainer downloads, built from this tree.
#   dist/pijat-VERSION-windows-x86_64.zip      pijat.exe, pijat.bat, BACA-SAYA.txt, README.txt
#   dist/pijat-VERSION-linux-x86_64.tar.gz     pijat, BACA-SAYA.txt, README.txt
# each with a SHA-256 sum beside it (FILE.sha256, as `sha256sum` writes it). The texts come from
# scripts/release/ (CRLF line ends in the zip, for Notepad on older Windows 10). Files carry the
# time of the last commit, so the same tree gives the same archives.
# Needs Rust with the x86_64-pc-windows-gnu target, mingw, CMake, zip (as .ci/run installs).
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: scripts/release.sh VERSION   (for example 0.2.0)" >&2
  exit 2
fi
crate=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if [ "$crate" != "$version" ]; then
  echo "Cargo.toml says version $crate: set it to $version first, so that pijat --version agrees" >&2
  exit 1
fi
for tool in zip tar gzip sha256sum cmake x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null || { echo "release.sh needs $tool (see .ci/run for the packages)" >&2; exit 1; }
done
rustup target list --installed | grep -q '^x86_64-pc-windows-gnu$' ||
  { echo "release.sh needs the Windows target: rustup target add x86_64-pc-windows-gnu" >&2; exit 1; }

echo "== building pijat $version for Linux and Windows (release profile: LTO, stripped)"
cargo build --release --locked --bin pijat
cargo build --release --locked --bin pijat --target x86_64-pc-windows-gnu
linux_bin=target/release/pijat
windows_exe=target/x86_64-pc-windows-gnu/release/pijat.exe
said=$("$linux_bin" --version)
[ "$said" = "pijat $version" ] || { echo "the Linux build says '$said', not 'pijat $version'" >&2; exit 1; }

name=pijat-$version
dist=$PWD/dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
win=$stage/windows/$name
lin=$stage/linux/$name
mkdir -p "$win" "$lin" "$dist"

cp "$windows_exe" "$win/pijat.exe"
cp "$linux_bin" "$lin/pijat"
for text in BACA-SAYA.txt README.txt; do
  sed "s/@VERSION@/$version/g" "scripts/release/$text" >"$lin/$text"
  sed 's/$/\r/' "$lin/$text" >"$win/$text"
done
sed 's/$/\r/' scripts/release/pijat.bat >"$win/pijat.bat"
chmod 755 "$lin/pijat"
chmod 644 "$lin"/*.txt "$win"/*
find "$stage" -exec touch -h -d "@$epoch" {} +

zip_file=$name-windows-x86_64.zip
tar_file=$name-linux-x86_64.tar.gz
rm -f "$dist/$zip_file" "$dist/$zip_file.sha256" "$dist/$tar_file" "$dist/$tar_file.sha256"
(cd "$stage/windows" && TZ=UTC zip -q -X -r -9 "$dist/$zip_file" "$name")
(cd "$stage/linux" &&
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" |
  gzip -n -9 >"$dist/$tar_file")
(cd "$dist" && sha256sum "$zip_file" >"$zip_file.sha256" && sha256sum "$tar_file" >"$tar_file.sha256")
(cd "$dist" && sha256sum -c --quiet "$zip_file.sha256" "$tar_file.sha256")

echo "== dist/"
for f in "$zip_file" "$tar_file"; do
  printf '%s  %s bytes\n' "$f" "$(stat -c %s "$dist/$f")"
done
printf 'pijat.exe %s bytes, pijat (Linux) %s bytes\n' "$(stat -c %s "$windows_exe")" "$(stat -c %s "$linux_bin")"
unzip -l "$dist/$zip_file"
tar -tzvf "$dist/$tar_file"
