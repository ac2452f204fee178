//! The audio guide as Ogg Opus, the format of WhatsApp's own voice notes, which every Android
//! phone plays (5.0 and later). Speech is coded by the reference libopus (the `opus` crate) at
//! 16 kHz, wideband, which keeps the whole speech band up to 8 kHz, at 24 kbit/s with a variable
//! rate: 9½ minutes of guide in well under 2 MB, where a 22 kHz WAV takes 25 MB. The stream
//! follows RFC 7845 (one OpusHead page, one OpusTags page, then audio pages with granule
//! positions at 48 kHz, the last one trimming the padding). `decode` reads such a file back.

use opus::{Application, Bitrate, Channels, Decoder, Encoder, Signal};

/// The rate the encoder is given: wideband speech.
pub const RATE: u32 = 16_000;
/// The target bit rate. Variable: pauses and the quiet waits cost far less.
pub const BITRATE: i32 = 24_000;
/// Ogg Opus counts time in 48 kHz samples, whatever the rate of the audio.
const GRANULE_RATE: u64 = 48_000;
/// 20 ms frames, Opus's usual size for speech.
const FRAME_MS: u32 = 20;
/// About one page a second: fine enough for a phone's seek bar.
const PACKETS_PER_PAGE: usize = 50;

/// What a player shows for a track.
pub struct Tags<'a> {
    /// The track's title.
    pub title: &'a str,
    /// The album.
    pub album: &'a str,
    /// A language code (`id`, `en`).
    pub language: &'a str,
}

fn opus_err(e: opus::Error) -> String {
    format!("Opus: {e}")
}

fn head(pre_skip: u16, input_rate: u32) -> Vec<u8> {
    let mut h = b"OpusHead".to_vec();
    h.push(1); // version
    h.push(1); // channels: mono
    h.extend_from_slice(&pre_skip.to_le_bytes());
    h.extend_from_slice(&input_rate.to_le_bytes());
    h.extend_from_slice(&0i16.to_le_bytes()); // output gain
    h.push(0); // channel mapping family: mono/stereo
    h
}

fn tags(vendor: &str, t: &Tags) -> Vec<u8> {
    let mut v = b"OpusTags".to_vec();
    let mut field = |s: &str| {
        v.extend_from_slice(&(s.len() as u32).to_le_bytes());
        v.extend_from_slice(s.as_bytes());
    };
    field(vendor);
    let comments = [
        format!("TITLE={}", t.title),
        format!("ALBUM={}", t.album),
        "ARTIST=pijat".to_string(),
        format!("LANGUAGE={}", t.language),
    ];
    v.extend_from_slice(&(comments.len() as u32).to_le_bytes());
    for c in &comments {
        v.extend_from_slice(&(c.len() as u32).to_le_bytes());
        v.extend_from_slice(c.as_bytes());
    }
    v
}

/// A stream serial number from the title, so the same guide gives the same bytes.
fn serial(title: &str) -> u32 {
    title.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// `samples` (mono, at `rate`: 8, 12, 16, 24 or 48 kHz) as an Ogg Opus file.
pub fn encode(samples: &[i16], rate: u32, t: &Tags) -> Result<Vec<u8>, String> {
    let mut enc = Encoder::new(rate, Channels::Mono, Application::Voip).map_err(opus_err)?;
    enc.set_bitrate(Bitrate::Bits(BITRATE)).map_err(opus_err)?;
    enc.set_vbr(true).map_err(opus_err)?;
    enc.set_signal(Signal::Voice).map_err(opus_err)?;
    enc.set_complexity(10).map_err(opus_err)?;
    let lookahead = u64::try_from(enc.get_lookahead().map_err(opus_err)?).unwrap_or(0);
    let to_granule = |n: u64| n * GRANULE_RATE / u64::from(rate);
    let pre_skip = to_granule(lookahead);
    let frame = (rate * FRAME_MS / 1000) as usize;
    // The encoder's lookahead delays everything: feed that much silence after the end, and the
    // last frame is padded; the last granule position tells the player where the audio ends.
    let mut input = samples.to_vec();
    input.resize(
        (samples.len() + lookahead as usize).div_ceil(frame) * frame,
        0,
    );
    let end_granule = pre_skip + to_granule(samples.len() as u64);

    let mut w = ogg::PacketWriter::new(Vec::new());
    let sn = serial(t.title);
    let io = |e: std::io::Error| e.to_string();
    use ogg::PacketWriteEndInfo::{EndPage, EndStream, NormalPacket};
    w.write_packet(head(pre_skip as u16, rate), sn, EndPage, 0)
        .map_err(io)?;
    let vendor = format!("pijat {} ({})", env!("CARGO_PKG_VERSION"), opus::version());
    w.write_packet(tags(&vendor, t), sn, EndPage, 0)
        .map_err(io)?;
    let frames = input.len() / frame;
    let mut packet = vec![0u8; 4000];
    for (k, chunk) in input.chunks_exact(frame).enumerate() {
        let len = enc.encode(chunk, &mut packet).map_err(opus_err)?;
        let last = k + 1 == frames;
        let granule = if last {
            end_granule
        } else {
            to_granule(((k + 1) * frame) as u64)
        };
        let info = if last {
            EndStream
        } else if (k + 1) % PACKETS_PER_PAGE == 0 {
            EndPage
        } else {
            NormalPacket
        };
        let coded = packet.get(..len).unwrap_or_default().to_vec();
        w.write_packet(coded, sn, info, granule).map_err(io)?;
    }
    Ok(w.into_inner())
}

/// An Ogg Opus file read back.
pub struct Decoded {
    /// Mono samples at `RATE`, the padding and the encoder's delay trimmed off.
    pub samples: Vec<i16>,
    /// The comments of the OpusTags header (`TITLE=…`).
    pub comments: Vec<String>,
}

/// Reads an Ogg Opus file (mono) back into samples at `RATE`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let bad = |what: &str| format!("not an Ogg Opus file pijat can read: {what}");
    let mut r = ogg::PacketReader::new(std::io::Cursor::new(bytes));
    let mut next = || r.read_packet().map_err(|e| bad(&e.to_string()));
    let head = next()?.ok_or_else(|| bad("empty"))?;
    // OpusHead: the magic, a version byte, the channel count, the pre-skip (little-endian).
    let pre_skip = match head.data.as_slice() {
        [
            b'O',
            b'p',
            b'u',
            b's',
            b'H',
            b'e',
            b'a',
            b'd',
            _,
            1,
            lo,
            hi,
            ..,
        ] if head.data.len() >= 19 => u64::from(u16::from_le_bytes([*lo, *hi])),
        _ => return Err(bad("no mono OpusHead")),
    };
    let t = next()?.ok_or_else(|| bad("no OpusTags"))?;
    let comments = read_comments(&t.data).ok_or_else(|| bad("broken OpusTags"))?;
    let mut dec = Decoder::new(RATE, Channels::Mono).map_err(opus_err)?;
    let mut samples = Vec::new();
    let mut pcm = vec![0i16; (RATE as usize) * 120 / 1000];
    let mut end = None;
    while let Some(p) = next()? {
        let n = dec.decode(&p.data, &mut pcm, false).map_err(opus_err)?;
        samples.extend_from_slice(pcm.get(..n).unwrap_or_default());
        if p.last_in_stream() {
            end = Some(p.absgp_page());
        }
    }
    let to_rate = |g: u64| (g * u64::from(RATE) / GRANULE_RATE) as usize;
    let end = end.ok_or_else(|| bad("no end of stream"))?;
    let len = to_rate(end.saturating_sub(pre_skip));
    let skip = to_rate(pre_skip).min(samples.len());
    samples.drain(..skip);
    samples.truncate(len);
    Ok(Decoded { samples, comments })
}

fn read_comments(t: &[u8]) -> Option<Vec<String>> {
    let mut at = 8;
    let u32_at = |at: &mut usize| -> Option<usize> {
        let b: [u8; 4] = t.get(*at..*at + 4)?.try_into().ok()?;
        *at += 4;
        Some(u32::from_le_bytes(b) as usize)
    };
    if t.get(..8)? != b"OpusTags" {
        return None;
    }
    let vendor = u32_at(&mut at)?;
    at += vendor;
    let count = u32_at(&mut at)?;
    let mut out = Vec::new();
    for _ in 0..count {
        let len = u32_at(&mut at)?;
        out.push(String::from_utf8_lossy(t.get(at..at + len)?).into_owned());
        at += len;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::test_signal::{rms, tone};

    const TAGS: Tags = Tags {
        title: "Uji",
        album: "pijat",
        language: "id",
    };

    #[test]
    fn a_track_comes_back_as_long_as_it_went_in_with_its_tags() {
        for len in [0, 1, 319, 320, 16_000 * 3 + 7] {
            let samples = tone(RATE, 440.0, len as f64 / f64::from(RATE), 0.2);
            let back = decode(&encode(&samples, RATE, &TAGS).unwrap()).unwrap();
            assert_eq!(back.samples.len(), len);
            assert!(back.comments.contains(&"TITLE=Uji".to_string()));
            assert!(back.comments.contains(&"LANGUAGE=id".to_string()));
        }
    }

    #[test]
    fn the_speech_band_is_kept_at_its_level() {
        // From the low voice to the hiss of an "s": 200 Hz to 6 kHz, each at its level
        // (within about 2 dB), and in the right place (not shifted by the codec's delay).
        for freq in [200.0, 500.0, 1000.0, 2000.0, 3500.0, 6000.0] {
            let mut samples = vec![0i16; RATE as usize];
            samples.extend(tone(RATE, freq, 1.0, 0.2));
            samples.extend(vec![0i16; RATE as usize]);
            let back = decode(&encode(&samples, RATE, &TAGS).unwrap())
                .unwrap()
                .samples;
            let n = RATE as usize;
            let kept = rms(&back[n + n / 10..2 * n - n / 10]) / rms(&samples[n..2 * n]);
            assert!((0.8..1.25).contains(&kept), "{freq} Hz: {kept}");
            assert!(
                rms(&back[..n - n / 10]) < 100.0,
                "{freq} Hz: silence before"
            );
        }
    }

    #[test]
    fn a_minute_of_silence_costs_little_and_a_broken_file_is_an_error() {
        let silence = encode(&vec![0i16; 60 * RATE as usize], RATE, &TAGS).unwrap();
        assert!(silence.len() < 60 * 1000, "{} bytes", silence.len());
        assert!(decode(b"OggS not really").is_err());
        assert!(decode(&silence[..silence.len() / 2]).is_err());
        assert!(encode(&[0; 100], 22_050, &TAGS).is_err());
    }
}
