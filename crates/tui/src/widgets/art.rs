//! The figures as character art. Each has a mask of the same shape naming the region of every
//! cell (`.` for none), so a page or step can highlight regions by name. The legend names the
//! regions in words, so the figure reads without colour.

pub(crate) struct Art {
    pub lines: &'static [&'static str],
    pub mask: &'static [&'static str],
    /// Mask code → region name (as content files name it).
    pub regions: &'static [(char, &'static str)],
}

pub(crate) const BACK: Art = Art {
    lines: &[
        "            ╭─────╮            ",
        "            │     │            ",
        "            ╰─╮ ╭─╯            ",
        "              │ │              ",
        "   ╭──────────╯┊╰───────────╮  ",
        "  ╱────────── ↓┊↓ ──────────╲  ",
        " │  ╲      ╱  ┆┊┆  ╲      ╱  │ ",
        " │    ╲  ╱    ↓┊↓    ╲  ╱    │ ",
        " │     ╲╱     ┆┊┆     ╲╱     │ ",
        " │╌╌╌╌╌╌╌╌╌╌╌╌↓┊↓╌╌╌╌╌╌╌╌╌╌╌╌│ ",
        " │             ┊             │ ",
        " │  ·  ·  ·  · ┊·  ·  ·  ·   │ ",
        "  ╲   ·  ·  ·  ┊  ·  ·  ·   ╱  ",
        "   ╲           ┊           ╱   ",
    ],
    mask: &[
        "............hhhhhhh............",
        "............h.....h............",
        "............hhh.hhh............",
        "..............n.n..............",
        "...............s...............",
        "...bbbbbbbbbb.dsd.bbbbbbbbbb...",
        "....b......b..tst..b......b....",
        "......b..b....dsd....b..b......",
        ".......bb.....tst.....bb.......",
        "..rrrrrrrrrrrrdsdrrrrrrrrrrrr..",
        "...............s...............",
        "....l..l..l..l.sl..l..l..l.....",
        "......l..l..l..s..l..l..l......",
        "...............s...............",
    ],
    regions: &[
        ('h', "head"),
        ('n', "neck"),
        ('s', "spine"),
        ('b', "scapula"),
        ('r', "costa-5-6"),
        ('t', "thumb-lines"),
        ('d', "strokes"),
        ('l', "lower-back"),
    ],
};

pub(crate) const HANDS: Art = Art {
    lines: &[
        "        ▲      ┊     ▲         ",
        "        ║      ┊     ║         ",
        "        ║      ┊     ║         ",
        "      ╭─╨──╮   ┊   ╭─╨──╮      ",
        "      │ ▔▔ │   ┊   │ ▔▔ │      ",
        "      │ ▔▔ │   ┊   │ ▔▔ │      ",
        "      ╰────╯   ┊   ╰────╯      ",
        "               ┊               ",
        "       ↻ ↺     ┊    ↻ ↺        ",
        "               ┊               ",
    ],
    mask: &[
        "........T............T.........",
        "........T............T.........",
        "........T............T.........",
        "......ffTfff.......ffTfff......",
        "......f.ff.f.......f.ff.f......",
        "......f.ff.f.......f.ff.f......",
        "......ffffff.......ffffff......",
        "...............................",
        ".......c.c..........c.c........",
        "...............................",
    ],
    regions: &[('f', "fists"), ('T', "thumbs"), ('c', "circles")],
};

pub(crate) const POSITION: Art = Art {
    lines: &[
        "                               ",
        "        ╭───╮                  ",
        "   ═════╧═══╧═════╲            ",
        "───────────────────╲╲     ╻    ",
        "   │            │   ╲╲    ║    ",
        "   │            │    ││   ║    ",
        "   │            │  ╔═╧╧═══╗    ",
        "   │            │  ║      ║    ",
        "   │            │  ║      ║    ",
        "   │            │  ║      ║    ",
    ],
    mask: &[
        "...............................",
        "...............................",
        "...aaaaaaaaaaaaaaaw............",
        "TTTTTTTTTTTTTTTTTTTww.....c....",
        "...T............T...ww....c....",
        "...T............T....ww...c....",
        "...T............T..ccwwcccc....",
        "...T............T..c......c....",
        "...T............T..c......c....",
        "...T............T..c......c....",
    ],
    regions: &[
        ('c', "chair"),
        ('T', "table"),
        ('a', "arms"),
        ('w', "towel"),
    ],
};

pub(crate) const REFLEX: Art = Art {
    lines: &[
        "     ╭───────────────╮         ",
        "     │  (1)          │◀━▲      ",
        "     │ (2)     (3)   │  │      ",
        "     ╰──┬───────┬────╯  │      ",
        "        │       │       │      ",
        "        ▼       ▼       │      ",
        "      ╭────────────╮    │      ",
        "      │    (4)     │    │      ",
        "      ╰────────────╯    │      ",
        "            ▲           │      ",
        "            └───────────┘      ",
        "         (5)                   ",
    ],
    mask: &[
        "...............................",
        "........HHH...........YYY......",
        ".......PPP.....AAA......Y......",
        "........................Y......",
        "........P.......A.......Y......",
        "........P.......A.......Y......",
        "......BBBBBBBBBBBBBB....Y......",
        "......B....BBB.....B....Y......",
        "......BBBBBBBBBBBBBB....Y......",
        "............Y...........Y......",
        "............YYYYYYYYYYYYY......",
        ".........YYY...................",
    ],
    regions: &[
        ('H', "hypothalamus"),
        ('P', "posterior-pituitary"),
        ('A', "anterior-pituitary"),
        ('B', "breast"),
        ('Y', "baby"),
    ],
};

pub(crate) const BREAST: Art = Art {
    lines: &[
        "  (○○)      (○○)      (○○)     ",
        "    ╲         │         ╱      ",
        "      (○○)    │   (○○)         ",
        "        ╲     │     ╱          ",
        "         ╲    │    ╱           ",
        "          ╲   │   ╱            ",
        "           ╲  │  ╱             ",
        "            ╲ │ ╱              ",
        "             ╲│╱               ",
        "             (●)               ",
        "                               ",
    ],
    mask: &[
        "..maam......maam......maam.....",
        "....d.........d.........d......",
        "......maam....d...maam.........",
        "........d.....d.....d..........",
        ".........d....d....d...........",
        "..........d...d...d............",
        "...........d..d..d.............",
        "............d.d.d..............",
        ".............ddd...............",
        ".............nnn...............",
        "...............................",
    ],
    regions: &[
        ('a', "alveoli"),
        ('m', "myoepithelial"),
        ('d', "ducts"),
        ('n', "nipple"),
    ],
};
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mask_has_the_shape_of_its_art_and_only_known_codes() {
        for art in [&BACK, &HANDS, &POSITION, &REFLEX, &BREAST] {
            assert_eq!(art.lines.len(), art.mask.len());
            let w = art.lines[0].chars().count();
            for (l, m) in art.lines.iter().zip(art.mask) {
                assert_eq!(l.chars().count(), w, "{l:?}");
                assert_eq!(m.chars().count(), w, "{m:?}");
                for c in m.chars() {
                    assert!(c == '.' || art.regions.iter().any(|(k, _)| *k == c), "{c}");
                }
            }
        }
    }
}
