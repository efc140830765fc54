#!/usr/bin/env python3
"""Generates the outlets test set: raw news pages (.html and .txt) in the
layouts of Moroccan, Algerian and Tunisian outlets, and their truth.

    python3 crates/akhbar-lab/bench/outlets/generate.py

Rewrites `corpus/` and `truth.tsv` beside this script. Deterministic: every
random choice comes from a PRNG seeded with the layout's name, so two runs
give the same bytes. Every story, name, figure and layout template here is
invented for this test set (see README.md); no text comes from a real
article.

A story is a topic (a headline template and paragraphs with slots) filled
with a country's places, institutions, invented people and figures. A
layout renders a story as one outlet prints or saves its pages: its
furniture (menus, tickers, share widgets, related links, comments,
footers), its byline and dateline conventions, its metadata or lack of it.
"""

import datetime as dt
import html
import json
import random
import re
import shutil
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
TRUTH = HERE / "truth.tsv"

NBSP = "\u00a0"

# --------------------------------------------------------------------------
# Calendars
# --------------------------------------------------------------------------

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
AR_DAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
# Moroccan month names, and the Algerian/Tunisian ones.
AR_MONTHS_MA = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز",
                "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
AR_MONTHS_DZ = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية",
                "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
                "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة",
                "ذو الحجة"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def indic(s):
    """Arabic-Indic digits."""
    return s.translate(INDIC)


def _islamic_to_jd(y, m, d):
    return (d + -(-(29.5 * (m - 1)) // 1) + (y - 1) * 354
            + (3 + 11 * y) // 30 + 1948439.5 - 1)


def _gregorian_to_jd(day):
    return day.toordinal() + 1721424.5


# The tabular Islamic calendar differs from Umm al-Qura (the calendar of the
# press) by a day or two now and then. The Hijri dates the pages print were
# checked against the Umm al-Qura tables (ICU's, through akhbar's own date
# parser): those that differ are listed here. A page date not listed falls
# back to the tabular calendar; after changing the seeds or the date ranges,
# check the new ones again.
HIJRI_UQ = {
    "2015-03-23": (3, 6, 1436),
    "2016-06-02": (26, 8, 1437),
    "2016-09-01": (29, 11, 1437),
    "2017-09-07": (16, 12, 1438),
    "2018-11-08": (30, 2, 1440),
    "2018-11-18": (10, 3, 1440),
    "2019-01-21": (15, 5, 1440),
    "2021-01-16": (3, 6, 1442),
    "2021-12-31": (27, 5, 1443),
}


def hijri(day):
    """The Umm al-Qura date of a Gregorian day: (day, month, year)."""
    if day.isoformat() in HIJRI_UQ:
        return HIJRI_UQ[day.isoformat()]
    jd = _gregorian_to_jd(day)
    y = int((30 * (jd - 1948439.5) + 10646) // 10631)
    m = min(12, int(-(-((jd - (29 + _islamic_to_jd(y, 1, 1))) / 29.5) // 1)) + 1)
    d = int(jd - _islamic_to_jd(y, m, 1) + 1)
    return d, m, y


def hijri_text(day, digits=str):
    d, m, y = hijri(day)
    return f"{digits(str(d))} {HIJRI_MONTHS[m - 1]} {digits(str(y))} هـ"


def fr_day(d):
    return "1er" if d.day == 1 else str(d.day)


def fr_long(d):
    """`12 mai 2025`"""
    return f"{fr_day(d)} {FR_MONTHS[d.month - 1]} {d.year}"


def fr_long_day(d):
    """`lundi 12 mai 2025`"""
    return f"{FR_DAYS[d.weekday()]} {fr_long(d)}"


def fr_title_case(d, weekday=True):
    """`Lundi 12 Mai 2025`"""
    s = f"{d.day} {FR_MONTHS[d.month - 1].capitalize()} {d.year}"
    return f"{FR_DAYS[d.weekday()].capitalize()} {s}" if weekday else s


def num(d, sep="/"):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def hm(d, sep=":"):
    return f"{d.hour:02d}{sep}{d.minute:02d}"


def iso(d, zone="+01:00"):
    return d.strftime("%Y-%m-%dT%H:%M:%S") + zone


def iso_utc(d):
    """The local time (UTC+1) given in UTC, as some CMS print it."""
    return (d - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def ar_months(country):
    return AR_MONTHS_MA if country == "MA" else AR_MONTHS_DZ


def ar_long(d, country, weekday=False, digits=str):
    """`12 ماي 2025`, `الإثنين 12 ماي 2025`"""
    s = f"{digits(str(d.day))} {ar_months(country)[d.month - 1]} {digits(str(d.year))}"
    return f"{AR_DAYS[d.weekday()]} {s}" if weekday else s


# --------------------------------------------------------------------------
# Countries: places, institutions, clubs (French and Arabic)
# --------------------------------------------------------------------------

FR_COUNTRY = {
    "MA": dict(
        pays="le Maroc", du_pays="du Maroc", au_pays="au Maroc",
        villes=["Casablanca", "Rabat", "Fès", "Marrakech", "Tanger", "Agadir",
                "Oujda", "Meknès", "Tétouan", "Kénitra", "Béni Mellal", "Safi",
                "El Jadida", "Nador", "Laâyoune"],
        monnaie="dirhams",
        parlement="la Chambre des représentants",
        stat="le Haut-Commissariat au Plan (HCP)", stat_short="le HCP",
        banque="Bank Al-Maghrib", eau_office="l’Office national de l’électricité et de l’eau potable",
        capitale="Rabat", championnat="la Botola Pro",
        selection="les Lions de l’Atlas", des_selection="des Lions de l’Atlas",
        clubs=[("le Wydad", "Casablanca"), ("le Raja", "Casablanca"),
               ("l’AS FAR", "Rabat"), ("la RS Berkane", "Berkane"),
               ("le MAS", "Fès"), ("le Hassania d’Agadir", "Agadir"),
               ("l’Ittihad de Tanger", "Tanger"), ("le FUS de Rabat", "Rabat")],
    ),
    "DZ": dict(
        pays="l’Algérie", du_pays="de l’Algérie", au_pays="en Algérie",
        villes=["Alger", "Oran", "Constantine", "Annaba", "Sétif", "Blida",
                "Tlemcen", "Béjaïa", "Batna", "Ouargla", "Tizi Ouzou", "Biskra"],
        monnaie="dinars",
        parlement="l’Assemblée populaire nationale",
        stat="l’Office national des statistiques (ONS)", stat_short="l’ONS",
        banque="la Banque d’Algérie", eau_office="l’Algérienne des eaux",
        capitale="Alger", championnat="la Ligue 1",
        selection="les Fennecs", des_selection="des Fennecs",
        clubs=[("le MC Alger", "Alger"), ("la JS Kabylie", "Tizi Ouzou"),
               ("l’USM Alger", "Alger"), ("le CR Belouizdad", "Alger"),
               ("l’ES Sétif", "Sétif"), ("le MC Oran", "Oran"),
               ("le CS Constantine", "Constantine")],
    ),
    "TN": dict(
        pays="la Tunisie", du_pays="de la Tunisie", au_pays="en Tunisie",
        villes=["Tunis", "Sfax", "Sousse", "Gabès", "Bizerte", "Kairouan",
                "Monastir", "Nabeul", "Gafsa", "Médenine", "Tozeur", "Kasserine"],
        monnaie="dinars",
        parlement="l’Assemblée des représentants du peuple",
        stat="l’Institut national de la statistique (INS)", stat_short="l’INS",
        banque="la Banque centrale de Tunisie", eau_office="la Société nationale d’exploitation et de distribution des eaux",
        capitale="Tunis", championnat="la Ligue 1",
        selection="les Aigles de Carthage", des_selection="des Aigles de Carthage",
        clubs=[("l’Espérance de Tunis", "Tunis"), ("le Club africain", "Tunis"),
               ("l’Étoile du Sahel", "Sousse"), ("le CS Sfaxien", "Sfax"),
               ("l’US Monastir", "Monastir"), ("le Stade tunisien", "Tunis")],
    ),
}

AR_COUNTRY = {
    "MA": dict(
        balad="المغرب",
        mudun=["الدار البيضاء", "الرباط", "فاس", "مراكش", "طنجة", "أكادير",
               "وجدة", "مكناس", "تطوان", "القنيطرة", "بني ملال", "آسفي",
               "الجديدة", "الناظور"],
        umla="درهم", barlaman="مجلس النواب",
        ihsa="المندوبية السامية للتخطيط", bank="بنك المغرب",
        dawri="البطولة الاحترافية", muntakhab="المنتخب المغربي",
        lil_muntakhab="للمنتخب المغربي", federation="الجامعة",
        bac="الباكالوريا",
        nawadi=[("الوداد الرياضي", "الدار البيضاء"), ("الرجاء الرياضي", "الدار البيضاء"),
                ("الجيش الملكي", "الرباط"), ("نهضة بركان", "بركان"),
                ("المغرب الفاسي", "فاس"), ("حسنية أكادير", "أكادير"),
                ("اتحاد طنجة", "طنجة")],
    ),
    "DZ": dict(
        balad="الجزائر",
        mudun=["الجزائر العاصمة", "وهران", "قسنطينة", "عنابة", "سطيف", "البليدة",
               "تلمسان", "بجاية", "باتنة", "ورقلة", "بسكرة"],
        umla="دينار", barlaman="المجلس الشعبي الوطني",
        ihsa="الديوان الوطني للإحصائيات", bank="بنك الجزائر",
        dawri="الرابطة المحترفة الأولى", muntakhab="المنتخب الجزائري",
        lil_muntakhab="للمنتخب الجزائري", federation="الاتحادية",
        bac="البكالوريا",
        nawadi=[("مولودية الجزائر", "الجزائر العاصمة"), ("شبيبة القبائل", "تيزي وزو"),
                ("اتحاد العاصمة", "الجزائر العاصمة"), ("شباب بلوزداد", "الجزائر العاصمة"),
                ("وفاق سطيف", "سطيف"), ("مولودية وهران", "وهران")],
    ),
    "TN": dict(
        balad="تونس",
        mudun=["تونس العاصمة", "صفاقس", "سوسة", "قابس", "بنزرت", "القيروان",
               "المنستير", "نابل", "قفصة", "مدنين"],
        umla="دينار", barlaman="مجلس نواب الشعب",
        ihsa="المعهد الوطني للإحصاء", bank="البنك المركزي التونسي",
        dawri="الرابطة المحترفة الأولى", muntakhab="المنتخب التونسي",
        lil_muntakhab="للمنتخب التونسي", federation="الجامعة",
        bac="البكالوريا",
        nawadi=[("الترجي الرياضي", "تونس العاصمة"), ("النادي الإفريقي", "تونس العاصمة"),
                ("النجم الساحلي", "سوسة"), ("النادي الصفاقسي", "صفاقس"),
                ("الاتحاد المنستيري", "المنستير"), ("الملعب التونسي", "تونس العاصمة")],
    ),
}

# Moroccan words that Algerian and Tunisian writers put otherwise.
AR_EAST = [("في المائة", "بالمائة"), ("أبريل", "أفريل"), ("الأسدوس", "السداسي"),
           ("الجماعات الترابية", "البلديات"), ("الجماعات المجاورة", "البلديات المجاورة"),
           ("الطريق السيار", "الطريق السريع"), ("الغازوال", "المازوت"),
           ("الساكنة", "السكان"), ("المقاولات", "المؤسسات"), ("مقاولة", "مؤسسة")]

# Invented people.
FR_FIRST_M = ["Karim", "Youssef", "Mehdi", "Hicham", "Rachid", "Omar", "Anis",
              "Walid", "Farid", "Nabil", "Tarek", "Adil", "Mourad", "Sofiane"]
FR_FIRST_F = ["Samira", "Nadia", "Leïla", "Amina", "Salma", "Imane", "Sonia",
              "Meriem", "Houda", "Khadija", "Yasmine", "Rim", "Latifa", "Ghita"]
FR_LAST = ["Benali", "El Idrissi", "Tazi", "Bouzid", "Chraïbi", "Mansouri",
           "Haddad", "Belkacem", "Ouali", "Trabelsi", "Gharbi", "Amrani", "Fassi",
           "Zerrouki", "Saïdi", "Kettani", "Bennis", "Hamdi", "Jebali", "Meziane",
           "Lahlou", "Boukhari", "Cherif", "Rahmouni"]
AR_FIRST_M = ["محمد", "يوسف", "مهدي", "هشام", "رشيد", "عمر", "أنيس", "وليد", "فريد",
              "نبيل", "طارق", "عادل", "مراد", "سفيان", "إدريس", "حمزة", "كريم", "سعيد"]
AR_FIRST_F = ["فاطمة", "نادية", "ليلى", "أمينة", "سلمى", "إيمان", "سناء", "مريم",
              "هدى", "خديجة", "ياسمين", "ريم", "لطيفة", "غيثة"]
AR_LAST = ["بنعلي", "الإدريسي", "التازي", "بوزيد", "الشرايبي", "المنصوري", "الحداد",
           "بلقاسم", "الوالي", "الطرابلسي", "الغربي", "العمراني", "الفاسي",
           "الزروقي", "السعيدي", "الكتاني", "بنيس", "الحامدي", "الجبالي", "مزيان",
           "لحلو", "البخاري", "الشريف", "الرحموني"]

STARTUPS = ["Flousy", "Dafapay", "Sahlio", "Tawsila", "Ribatek", "Nakhlapp",
            "Medinapay", "Qantara Labs"]
FILMS_FR = ["Les Terrasses du vent", "Sous les oliviers", "La Dernière Caravane",
            "Sable et mémoire", "Le Chant de l’oued", "Une nuit à la médina"]
FILMS_AR = ["شرفات الريح", "تحت أشجار الزيتون", "القافلة الأخيرة", "رمال وذاكرة",
            "أغنية الوادي", "ليلة في المدينة القديمة"]


MA_REGIONS_FR = {
    "la région Casablanca-Settat": ["Casablanca", "El Jadida", "Settat"],
    "la région Rabat-Salé-Kénitra": ["Rabat", "Kénitra", "Salé"],
    "la région Fès-Meknès": ["Fès", "Meknès"],
    "la région Marrakech-Safi": ["Marrakech", "Safi"],
    "la région Tanger-Tétouan-Al Hoceïma": ["Tanger", "Tétouan", "Chefchaouen", "Larache", "Ouezzane"],
    "la région Souss-Massa": ["Agadir"],
    "la région de l’Oriental": ["Oujda", "Nador", "Berkane"],
    "la région Béni Mellal-Khénifra": ["Béni Mellal"],
    "la région Laâyoune-Sakia El Hamra": ["Laâyoune"],
}
MA_REGIONS_AR = {
    "جهة الدار البيضاء سطات": ["الدار البيضاء", "الجديدة"],
    "جهة الرباط سلا القنيطرة": ["الرباط", "القنيطرة"],
    "جهة فاس مكناس": ["فاس", "مكناس"],
    "جهة مراكش آسفي": ["مراكش", "آسفي"],
    "جهة طنجة تطوان الحسيمة": ["طنجة", "تطوان"],
    "جهة سوس ماسة": ["أكادير"],
    "جهة الشرق": ["وجدة", "الناظور", "بركان"],
    "جهة بني ملال خنيفرة": ["بني ملال"],
}


def region_fr(country, ville):
    """The region of a town: `la région Fès-Meknès`, `la wilaya d’Oran`."""
    if country == "MA":
        return next(r for r, towns in MA_REGIONS_FR.items() if ville in towns)
    return ("la wilaya " if country == "DZ" else "le gouvernorat ") + de(ville)


def region_ar(country, madina):
    if country == "MA":
        return next(r for r, towns in MA_REGIONS_AR.items() if madina in towns)
    return "ولاية " + madina.replace(" العاصمة", "")


def cap(s):
    return s[:1].upper() + s[1:]


def de(place):
    """`de Rabat`, `d’Oran`"""
    return ("d’" if place[:1] in "AEIOUÉÈÂÎaeiouéè" else "de ") + place


def du(name):
    """`le Wydad` → `du Wydad`, `la JS Kabylie` → `de la JS Kabylie`."""
    if name.startswith("le "):
        return "du " + name[3:]
    return "de " + name


def fr_name(rng, female=None):
    if female is None:
        female = rng.random() < 0.5
    return f"{rng.choice(FR_FIRST_F if female else FR_FIRST_M)} {rng.choice(FR_LAST)}"


def ar_name(rng, female=False):
    first = rng.choice(AR_FIRST_F if female else AR_FIRST_M)
    return f"{first} {rng.choice(AR_LAST)}"


TOKEN = re.compile(r"\{([^{}]+)\}")


def fill(template, ctx, cache, rng):
    """Fills `{slot}`s from `ctx`; `{#lo-hi}` is an integer and `{%lo-hi}` a
    decimal with a comma, drawn once a page (the same token, the same value)."""

    def one(m):
        key = m.group(1)
        if key in cache:
            return cache[key]
        if key[0] in "#%":
            lo, hi = (int(x) for x in key[1:].split(":")[0].split("-"))
            if key[0] == "#":
                value = str(rng.randint(lo, hi))
            else:
                tenths = rng.randint(lo * 10 + 1, hi * 10 - 1)
                value = f"{tenths // 10},{tenths % 10}"
        else:
            value = ctx[key]
        cache[key] = value
        return value

    return TOKEN.sub(one, template)


# --------------------------------------------------------------------------
# French stories. Slots: see fr_context(). The first paragraph is the lead;
# a page takes it and some of the others, in order.
# --------------------------------------------------------------------------

ALL = ("MA", "DZ", "TN")

FR_TOPICS = [
    dict(key="eau", section="Société", countries=ALL, titles=[
        "Stress hydrique : coupures d’eau nocturnes à {ville} dès la semaine prochaine",
        "Sécheresse : {ville} passe au rationnement de l’eau potable",
        "Barrages à {#14-29} % : les autorités {de_ville} serrent la vis sur l’eau",
    ], paras=[
        "Les habitants {de_ville} devront s’habituer à des robinets à sec la nuit. À partir de lundi, la distribution d’eau potable sera interrompue entre 23 heures et 6 heures du matin dans plusieurs quartiers, a annoncé {eau_office} lors d’un point de presse tenu mercredi.",
        "Cette décision intervient alors que le taux de remplissage des barrages qui alimentent la ville est tombé à {#14-29} %, contre {#41-58} % à la même période l’an dernier. Les précipitations de l’automne, jugées « très insuffisantes » par les services météorologiques, n’ont pas permis de reconstituer les réserves.",
        "« Nous n’avons pas le choix. Sans ces mesures, nous risquons une rupture totale d’approvisionnement avant la fin de l’été », a expliqué {pers1}, directeur régional de l’établissement, en appelant les ménages à limiter l’arrosage des jardins et le lavage des voitures.",
        "Les hammams, les stations de lavage et les piscines privées sont également concernés. Les premiers devront fermer trois jours par semaine, tandis que le remplissage des piscines est interdit jusqu’à nouvel ordre, sous peine d’amendes pouvant atteindre {#5-20} 000 {monnaie}.",
        "Dans les quartiers périphériques, l’annonce a suscité l’inquiétude. « Ici, l’eau est déjà coupée plusieurs heures par jour. Avec ce nouveau calendrier, nous allons devoir stocker dans des bidons », témoigne {pers2}, père de trois enfants, rencontré devant une borne-fontaine.",
        "À plus long terme, les autorités misent sur la station de dessalement en construction au nord de la ville, dont la mise en service est prévue dans {#18-30} mois. D’une capacité de {#100-300} millions de mètres cubes par an, elle devrait couvrir l’essentiel des besoins de l’agglomération.",
        "En attendant, des campagnes de sensibilisation seront menées dans les écoles et les mosquées, et une cellule de suivi se réunira chaque semaine pour ajuster le dispositif en fonction de l’évolution des réserves.",
    ]),
    dict(key="budget", section="Économie", countries=ALL, titles=[
        "Loi de finances {annee1} : ce qui change pour les ménages et les entreprises",
        "Budget {annee1} : le gouvernement table sur une croissance de {%3-5} %",
        "Projet de loi de finances : l’opposition dénonce un budget « sans vision sociale »",
    ], paras=[
        "Le projet de loi de finances pour l’année {annee1} a été présenté lundi devant {parlement}. Le texte prévoit une croissance de {%3-5} % et un déficit budgétaire ramené à {%3-6} % du produit intérieur brut, un objectif jugé ambitieux par plusieurs économistes.",
        "Côté recettes, l’exécutif compte sur un élargissement de l’assiette fiscale plutôt que sur une hausse des taux. Les professions libérales et les commerçants du secteur informel sont particulièrement visés par de nouvelles obligations déclaratives.",
        "Les dépenses d’investissement public atteindraient {#80-120} milliards de {monnaie}, en hausse de {%4-12} % sur un an. Une part importante de cette enveloppe ira aux infrastructures hydrauliques, aux routes rurales et à la mise à niveau des hôpitaux régionaux.",
        "Pour les salariés, le barème de l’impôt sur le revenu est légèrement révisé : la tranche exonérée passe à {#30-45} 000 {monnaie} par an, une mesure qui devrait profiter, selon le ministère des Finances, à près de {#2-3} millions de contribuables.",
        "L’opposition a dénoncé un budget « sans vision sociale ». « On annonce des chiffres, mais rien sur le pouvoir d’achat des classes moyennes, qui paient déjà l’essentiel de l’impôt », a lancé {pers1}, député {de_ville}, lors du débat en commission.",
        "Le patronat, de son côté, salue la stabilité fiscale mais réclame l’accélération des remboursements de TVA, dont les retards pèsent lourdement sur la trésorerie des petites et moyennes entreprises.",
        "Le vote final du texte est attendu avant la fin de la session parlementaire, après l’examen des amendements déposés par les différents groupes.",
    ]),
    dict(key="inflation", section="Économie", countries=ALL, titles=[
        "Inflation : les prix à la consommation en hausse de {%2-9} % sur un an",
        "Les prix alimentaires tirent l’inflation vers le haut, selon {stat_short}",
        "Hausse des prix : légumes et viandes pèsent sur le panier des ménages",
    ], paras=[
        "L’indice des prix à la consommation a progressé de {%2-9} % en glissement annuel le mois dernier, selon les chiffres publiés jeudi par {stat}. Il s’agit de la plus forte progression enregistrée depuis le début de l’année.",
        "Les produits alimentaires restent le principal moteur de cette évolution, avec une hausse de {%6-15} %. Les légumes frais, la viande rouge et les huiles végétales affichent les augmentations les plus marquées, tandis que les prix des produits non alimentaires progressent plus modérément.",
        "Sur les marchés {de_ville}, les commerçants confirment la tendance. « La tomate a presque doublé en deux mois, et les clients achètent désormais au kilo près », observe {pers1}, marchand de légumes depuis vingt ans.",
        "Les économistes attribuent cette flambée à la combinaison de plusieurs facteurs : une sécheresse persistante qui réduit l’offre locale, le renchérissement des intrants importés et la hausse des coûts de transport.",
        "{Banque} a indiqué suivre la situation « avec la plus grande attention ». Lors de sa dernière réunion, l’institution avait laissé son taux directeur inchangé, estimant que l’inflation actuelle relevait surtout de chocs d’offre.",
        "Les associations de consommateurs demandent, elles, un renforcement des contrôles contre la spéculation et un élargissement des aides directes aux ménages les plus modestes.",
    ]),
    dict(key="foot", section="Sport", countries=ALL, club=True, titles=[
        "{Club1} s’impose face à {club2} ({score}) et reprend la tête du classement",
        "{Championnat} : {club1} domine {club2} et conforte sa place de leader",
        "« Une victoire de caractère » : {club1} fait plier {club2}",
    ], paras=[
        "{Club1} a pris le meilleur sur {club2} ({score}), dimanche soir, au terme d’une rencontre disputée devant près de {#18-45} 000 spectateurs à {ville}. Cette victoire permet aux hommes de {pers1} de s’installer seuls en tête de {championnat}.",
        "Les visiteurs avaient pourtant bien entamé la partie, se montrant dangereux sur les côtés durant le premier quart d’heure. Mais c’est sur une action de contre que les locaux ont ouvert le score, à la {#20-40}e minute, par un tir croisé de leur attaquant.",
        "Après la pause, {club2} a poussé pour revenir, sans parvenir à trouver la faille face à une défense bien organisée. Le deuxième but, inscrit de la tête sur corner, a fini de doucher les espoirs des supporters adverses.",
        "« Nous avons montré du caractère. Le groupe a souffert, mais il a respecté le plan de jeu jusqu’au bout », s’est félicité l’entraîneur {pers1} en conférence de presse, en refusant toutefois de parler de titre à ce stade de la saison.",
        "En face, {pers2} regrettait le manque de réalisme de ses joueurs. « Nous avons eu trois occasions nettes en première période. À ce niveau, si vous ne marquez pas, vous le payez », a-t-il reconnu.",
        "Prochain rendez-vous pour le leader : un déplacement délicat la semaine prochaine, avant une trêve internationale qui permettra à plusieurs cadres blessés de revenir.",
    ]),
    dict(key="selection", section="Sport", countries=ALL, titles=[
        "{Selection} : le sélectionneur convoque {#24-27} joueurs pour le prochain rassemblement",
        "Sélection : trois nouveaux visages dans la liste {des_selection}",
        "Sélection : « la porte reste ouverte à tout le monde », assure le sélectionneur",
    ], paras=[
        "Le sélectionneur national a dévoilé jeudi la liste des {#24-27} joueurs convoqués pour le prochain rassemblement {des_selection}, prévu à partir du {#2-9} du mois prochain au centre technique de {ville}. Trois joueurs évoluant en Europe y font leur première apparition.",
        "Parmi eux figure {pers1}, milieu offensif de {#20-23} ans, auteur d’une saison remarquée dans le championnat de Belgique. Son profil polyvalent, capable d’évoluer dans l’axe comme sur un côté, a convaincu le staff technique.",
        "« La porte reste ouverte à tout le monde. Ce qui compte, c’est la forme du moment et l’état d’esprit », a insisté le technicien lors d’une conférence de presse, en réponse aux questions sur l’absence de plusieurs cadres.",
        "Le gardien titulaire, blessé à l’épaule, manque à l’appel. Il sera remplacé par {pers2}, qui compte déjà une dizaine de sélections et qui a disputé l’intégralité des matchs de son club cette saison.",
        "{Selection} affronteront deux adversaires africains lors de cette fenêtre internationale, dans le cadre des éliminatoires. Une victoire lors de la première rencontre rapprocherait sérieusement l’équipe de la qualification.",
        "La fédération a annoncé que la billetterie ouvrira en ligne dès lundi, avec des prix allant de {#30-50} à {#200-400} {monnaie} selon les tribunes.",
    ]),
    dict(key="tourisme", section="Économie", countries=ALL, titles=[
        "Tourisme : les arrivées en hausse de {%8-25} % depuis le début de l’année",
        "Tourisme : {ville} fait le plein grâce aux vols à bas coût",
        "Hôtellerie : « il faut remonter à dix ans pour voir ça »",
    ], paras=[
        "Le secteur touristique poursuit sa dynamique. Les postes frontières ont enregistré {#2-9},{#1-9} millions d’arrivées depuis le début de l’année, soit une hausse de {%8-25} % par rapport à la même période de l’année précédente, selon les chiffres du ministère du Tourisme.",
        "Cette progression est portée par les marchés européens traditionnels, France et Espagne en tête, mais aussi par le retour des membres de la diaspora, dont les séjours se sont allongés cette année.",
        "À {ville}, les hôteliers affichent des taux d’occupation rarement atteints. « Nous sommes complets tous les week-ends jusqu’à la fin du mois. Il faut remonter à plus de dix ans pour voir ça », se réjouit {pers1}, gérant d’un établissement de {#40-120} chambres.",
        "L’ouverture de nouvelles lignes aériennes à bas coût a joué un rôle déterminant. Plusieurs compagnies européennes desservent désormais l’aéroport de la ville plusieurs fois par semaine, contre une seule liaison il y a deux ans.",
        "Les professionnels alertent toutefois sur la saturation de certaines infrastructures et sur la pénurie de personnel qualifié. Nombre d’établissements peinent à recruter cuisiniers et réceptionnistes, partis travailler à l’étranger.",
        "Les recettes en devises générées par les voyageurs non résidents ont atteint {#20-90} milliards de {monnaie}, un niveau qui conforte la place du tourisme parmi les premiers pourvoyeurs de devises du pays.",
    ]),
    dict(key="bac", section="Société", countries=ALL, titles=[
        "Baccalauréat {annee} : un taux de réussite de {%55-80} % à la session normale",
        "Bac : les filles une nouvelle fois en tête, un lycée {de_ville} se distingue",
        "Résultats du bac : « une session sans fraude majeure », selon le ministère",
    ], paras=[
        "Les résultats de la session normale du baccalauréat ont été rendus publics vendredi. Le taux de réussite s’établit à {%55-80} %, en légère progression par rapport à l’an dernier, a annoncé le ministère de l’Éducation nationale.",
        "Sur les quelque {#300-500} 000 candidats inscrits, les filles confirment leur avance : elles représentent près de {#55-62} % des admis et décrochent la majorité des mentions « très bien ».",
        "La meilleure moyenne nationale a été obtenue par une élève d’un lycée public {de_ville}, en filière sciences mathématiques, avec {#18-19},{#50-95} sur 20. « Je n’y croyais pas, j’ai dû relire trois fois mon relevé », a-t-elle confié aux journalistes.",
        "Le ministère se félicite d’une session « sans fraude majeure », grâce notamment au brouillage des communications dans les centres d’examen et au renforcement des sanctions. Quelques dizaines de cas de triche ont néanmoins été signalés et transmis aux commissions de discipline.",
        "Les candidats ajournés pourront se présenter à la session de rattrapage, prévue dans trois semaines. Les syndicats d’enseignants demandent que des cours de soutien gratuits soient organisés d’ici là dans les établissements publics.",
        "Pour les bacheliers, commence désormais la course aux inscriptions dans les écoles et les universités, dont les plateformes en ligne ouvriront lundi.",
    ]),
    dict(key="hopital", section="Santé", countries=ALL, titles=[
        "Santé : un nouveau centre hospitalier de {#300-600} lits inauguré à {ville}",
        "{Ville} : l’hôpital régional ouvre enfin ses portes après {#4-9} ans de travaux",
        "Hôpital {de_ville} : « les murs, c’est bien, mais il faut des médecins »",
    ], paras=[
        "Le nouveau centre hospitalier régional {de_ville} a accueilli ses premiers patients lundi. D’une capacité de {#300-600} lits, l’établissement a coûté près de {#2-3} milliards de {monnaie} et devrait désengorger les services d’urgence de la région.",
        "Le chantier, lancé il y a {#4-9} ans, avait connu plusieurs arrêts en raison de différends avec l’entreprise chargée des travaux. Sa livraison était devenue un sujet récurrent des sessions du conseil régional.",
        "L’hôpital dispose d’un plateau technique moderne, avec deux scanners, une IRM, un service d’oncologie et un centre de dialyse de {#30-60} postes. Les patients de la région devaient jusqu’ici parcourir des centaines de kilomètres pour certains traitements.",
        "La question des ressources humaines reste cependant entière. « Les murs, c’est bien, mais il faut des médecins. Nous manquons de spécialistes, notamment en anesthésie et en pédiatrie », souligne {pers1}, représentant syndical du personnel de santé.",
        "La direction assure que {#80-150} médecins et {#300-500} infirmiers ont déjà été affectés et que de nouveaux recrutements sont prévus d’ici la fin de l’année, avec des primes incitatives pour les praticiens acceptant de s’installer dans la région.",
        "Les habitants, eux, espèrent surtout la fin des longues attentes. « Ma mère a attendu huit mois pour une consultation de cardiologie. Si ce nouvel hôpital change ça, tant mieux », confie {pers2}, venu accompagner un proche.",
    ]),
    dict(key="train", section="Économie", countries=ALL, titles=[
        "Rail : la liaison {ville}-{ville2} ramenée à moins de {#2-3} heures",
        "La ligne {ville}-{ville2} modernisée, les voyageurs gagnent près d’une heure",
        "Train : « un gain de temps considérable » sur la ligne {ville}-{ville2}",
    ], paras=[
        "Les premiers trains ont circulé samedi sur la ligne modernisée reliant {ville} à {ville2}. Grâce au doublement de la voie et à l’électrification de plusieurs tronçons, le trajet passe sous la barre des {#2-3} heures, contre près de quatre auparavant.",
        "Les travaux, d’un montant de {#4-12} milliards de {monnaie}, ont duré près de trois ans. Ils ont notamment permis la suppression de {#20-60} passages à niveau, longtemps à l’origine d’accidents graves.",
        "La fréquence des dessertes augmente également : {#10-18} allers-retours quotidiens sont désormais proposés, dont plusieurs trains directs aux heures de pointe, pensés pour les étudiants et les salariés qui font la navette.",
        "« Avant, je prenais le car parce que c’était plus rapide. Aujourd’hui, le train devient intéressant, même si les billets restent chers pour une famille », estime {pers1}, enseignant, rencontré sur le quai de la gare.",
        "L’opérateur ferroviaire promet une grille tarifaire inchangée jusqu’à la fin de l’année, ainsi que des réductions pour les abonnés et les moins de 25 ans.",
        "D’autres chantiers sont annoncés, notamment la modernisation de la ligne desservant le sud du pays, dont les études techniques doivent être achevées l’an prochain.",
    ]),
    dict(key="solaire", section="Économie", countries=ALL, titles=[
        "Énergie : une centrale solaire de {#100-400} mégawatts mise en service près {de_ville}",
        "Renouvelables : {pays} inaugure sa plus grande centrale photovoltaïque",
        "Transition énergétique : le solaire gagne du terrain dans {region}",
    ], paras=[
        "Une nouvelle centrale photovoltaïque d’une capacité de {#100-400} mégawatts a été mise en service à une trentaine de kilomètres {de_ville}, dans {region}. Le site, qui s’étend sur près de {#300-900} hectares, compte plus de {#200-700} 000 panneaux solaires.",
        "Le projet a mobilisé un investissement de {#2-6} milliards de {monnaie}, financé en partie par des bailleurs internationaux. L’électricité produite doit alimenter l’équivalent de {#150-400} 000 foyers.",
        "Pour les autorités, cette centrale s’inscrit dans l’objectif de porter la part des énergies renouvelables à plus de la moitié du mix électrique d’ici 2030. Le pays reste aujourd’hui largement dépendant des importations d’hydrocarbures.",
        "Sur place, le chantier a employé jusqu’à {#800-1500} ouvriers, majoritairement recrutés dans les communes voisines. L’exploitation du site ne nécessitera cependant qu’une centaine de techniciens.",
        "« Nous avons un potentiel solaire parmi les plus élevés au monde. Le défi, maintenant, c’est le stockage et le réseau », souligne {pers1}, ingénieur spécialisé dans les énergies renouvelables.",
        "Un appel d’offres pour une seconde tranche, associant cette fois des batteries de stockage, devrait être lancé avant la fin de l’année.",
    ]),
    dict(key="cereales", section="Économie", countries=ALL, titles=[
        "Campagne agricole : une récolte céréalière estimée à {#30-70} millions de quintaux",
        "Agriculture : les pluies tardives sauvent une partie de la récolte",
        "Céréales : « une saison difficile mais pas perdue », selon les agriculteurs",
    ], paras=[
        "La récolte céréalière de la campagne en cours est estimée à {#30-70} millions de quintaux, selon les premières prévisions du ministère de l’Agriculture. Un chiffre en hausse par rapport à l’an dernier, mais encore loin de la moyenne des bonnes années.",
        "Les pluies tombées en mars et en avril ont permis de sauver une partie des semis, notamment dans les zones pluviales, où les agriculteurs dépendent entièrement des précipitations. Dans le sud et l’est, en revanche, de nombreuses parcelles n’ont rien donné.",
        "Dans la région {de_ville}, {pers1}, qui cultive une quinzaine d’hectares de blé dur, reste prudent. « Le grain est là, mais il est léger. Avec le prix des engrais et du gasoil, je ne suis pas sûr de rentrer dans mes frais. »",
        "Pour limiter la dépendance aux importations, le gouvernement a reconduit la prime à la collecte versée aux coopératives et fixé le prix de référence du blé tendre à {#250-400} {monnaie} le quintal.",
        "Les éleveurs, eux, s’inquiètent du prix des aliments de bétail, qui a fortement augmenté en l’absence de pâturages suffisants. Plusieurs organisations professionnelles réclament une subvention de l’orge.",
        "Les experts plaident pour une accélération de la reconversion vers des cultures plus résistantes à la sécheresse et pour une généralisation de l’irrigation au goutte-à-goutte.",
    ]),
    dict(key="greve", section="Politique", countries=ALL, titles=[
        "{Parlement} adopte le projet de loi sur le droit de grève",
        "Droit de grève : les syndicats dénoncent un texte « liberticide »",
        "Loi sur la grève : un vote sous haute tension à {capitale}",
    ], paras=[
        "{Parlement} a adopté mardi soir, en première lecture, le projet de loi organique fixant les conditions d’exercice du droit de grève. Le texte a recueilli {#150-220} voix pour et {#40-90} contre, au terme de plus de dix heures de débats.",
        "Attendu depuis des décennies, ce texte encadre notamment les délais de préavis, la négociation préalable obligatoire et le service minimum dans les secteurs jugés vitaux, comme la santé, l’énergie ou les transports.",
        "Les principales centrales syndicales ont dénoncé un texte « liberticide » et appelé à une journée de mobilisation la semaine prochaine. « On veut nous imposer des procédures si lourdes que la grève deviendra impossible dans les faits », a déclaré {pers1}, secrétaire général d’une fédération.",
        "Le ministre de l’Emploi a défendu au contraire un texte « équilibré », qui protège selon lui aussi bien les salariés que la continuité du service public. Il a rappelé que plusieurs amendements proposés par les syndicats avaient été retenus en commission.",
        "Dans l’hémicycle, l’opposition a tenté jusqu’au bout d’obtenir le retrait de l’article relatif aux retenues sur salaire en cas de grève, sans succès. « C’est une loi de sanction, pas une loi de protection », a lancé {pers2}.",
        "Le texte doit désormais être examiné en seconde lecture avant son adoption définitive.",
    ]),
    dict(key="logement", section="Société", countries=ALL, titles=[
        "Aide au logement : plus de {#30-90} 000 dossiers déposés depuis le lancement",
        "Logement : l’aide directe aux primo-accédants dépasse les prévisions",
        "Aide au logement : « sans elle, je n’aurais jamais pu acheter »",
    ], paras=[
        "Le programme d’aide directe au logement rencontre un succès qui dépasse les prévisions. Plus de {#30-90} 000 dossiers ont été déposés depuis son lancement, a indiqué le ministère de l’Habitat, qui table sur {#80-150} 000 bénéficiaires d’ici la fin de l’année prochaine.",
        "Le dispositif accorde une aide comprise entre {#50-70} 000 et {#90-120} 000 {monnaie} aux primo-accédants, selon le prix du logement acquis. L’aide est versée directement au notaire au moment de la signature de l’acte de vente.",
        "Les promoteurs immobiliers, qui traversaient une période difficile, y voient une bouffée d’oxygène. À {ville}, plusieurs projets à l’arrêt ont été relancés ces derniers mois pour répondre à la demande.",
        "« J’ai signé la semaine dernière pour un deux-pièces en périphérie. Sans l’aide, je n’aurais jamais pu réunir l’apport », raconte {pers1}, {#26-38} ans, employé dans une société de services.",
        "Certains observateurs s’inquiètent toutefois d’un effet inflationniste sur les prix. « Quand on injecte de l’argent public sans augmenter suffisamment l’offre, ce sont les prix qui montent », prévient {pers2}, économiste.",
        "Le ministère assure surveiller l’évolution du marché et n’exclut pas d’ajuster les plafonds de prix éligibles lors de la prochaine révision du programme.",
    ]),
    dict(key="peche", section="Économie", countries=ALL, villes={
        "MA": ["Agadir", "Safi", "Tanger", "Laâyoune", "El Jadida", "Nador"],
        "DZ": ["Oran", "Annaba", "Béjaïa", "Alger"],
        "TN": ["Sfax", "Bizerte", "Monastir", "Gabès"]}, titles=[
        "Pêche : les débarquements en baisse de {%5-20} % au port {de_ville}",
        "Le repos biologique du poulpe prolongé, les pêcheurs {de_ville} inquiets",
        "Pêche artisanale : « nous rentrons souvent les filets vides »",
    ], paras=[
        "Les débarquements de la pêche côtière et artisanale ont reculé de {%5-20} % en volume au port {de_ville} depuis le début de l’année, selon les données de l’office chargé de la commercialisation des produits de la mer.",
        "La sardine, pilier de l’activité locale, se fait plus rare. Les professionnels évoquent le réchauffement des eaux, qui pousse les bancs vers le large, et une surexploitation ancienne de la ressource.",
        "Face à cette situation, les autorités ont décidé de prolonger de {#2-6} semaines la période de repos biologique du poulpe, une mesure accueillie avec inquiétude par les marins, privés de revenus durant cette période.",
        "« Nous rentrons souvent les filets vides. Entre le gasoil, l’entretien du bateau et la part de l’équipage, il ne reste presque rien », déplore {pers1}, patron d’un chalutier de {#12-20} mètres.",
        "Une indemnité temporaire doit être versée aux marins pêcheurs inscrits, mais son montant, {#1-3} 000 {monnaie} par mois, est jugé insuffisant par les associations professionnelles.",
        "À plus long terme, les pouvoirs publics misent sur le développement de l’aquaculture, avec plusieurs fermes d’élevage de poissons et de coquillages en projet le long du littoral.",
    ]),
    dict(key="startup", section="Économie", countries=ALL, titles=[
        "Start-up : une jeune pousse {de_ville} lève {#3-15} millions de dollars",
        "Fintech : la start-up {startup} séduit les investisseurs étrangers",
        "Numérique : « l’écosystème a enfin atteint sa maturité »",
    ], paras=[
        "La start-up {startup}, spécialisée dans le paiement mobile, a annoncé mardi avoir levé {#3-15} millions de dollars auprès d’un groupe d’investisseurs africains et européens. Il s’agit de l’une des plus importantes levées de fonds réalisées par une jeune entreprise du pays.",
        "Fondée il y a {#3-6} ans à {ville} par {pers1}, ancien ingénieur d’une grande banque, l’entreprise revendique aujourd’hui plus de {#300-900} 000 utilisateurs et {#40-120} salariés.",
        "Les fonds levés serviront à accélérer le développement de nouveaux services, notamment le microcrédit aux commerçants, et à préparer une expansion dans deux pays d’Afrique de l’Ouest.",
        "« L’écosystème a enfin atteint sa maturité. Il y a cinq ans, il était presque impossible de convaincre un investisseur étranger de venir ici », estime {pers1}, qui salue l’assouplissement de la réglementation des changes pour les entreprises innovantes.",
        "Les acteurs du secteur réclament toutefois des mesures supplémentaires, comme un statut fiscal spécifique pour les start-up et un accès facilité à la commande publique.",
        "Selon une étude récente, les jeunes entreprises technologiques du pays ont levé au total près de {#50-150} millions de dollars l’an dernier, un montant en progression mais encore modeste comparé à celui des pays leaders du continent.",
    ]),
    dict(key="taux", section="Économie", countries=ALL, titles=[
        "{Banque} maintient son taux directeur à {%2-4} %",
        "Politique monétaire : statu quo sur le taux directeur",
        "Taux directeur : {banque} opte pour la prudence",
    ], paras=[
        "{Banque} a décidé mardi, à l’issue de la réunion trimestrielle de son conseil, de maintenir son taux directeur inchangé à {%2-4} %. Une décision attendue par la plupart des analystes.",
        "L’institution justifie ce statu quo par le ralentissement de l’inflation observé ces derniers mois, tout en relevant des incertitudes persistantes liées aux prix des matières premières et à la conjoncture internationale.",
        "Selon les nouvelles projections, l’inflation devrait s’établir à {%2-5:infl} % en moyenne cette année, avant de revenir à un niveau proche de 2 % l’an prochain. La croissance est attendue à {%2-4:pib} %, portée par les activités non agricoles.",
        "Le gouverneur a par ailleurs indiqué que la réforme du régime de change se poursuivrait de manière « graduelle et ordonnée », en fonction de l’évolution des fondamentaux économiques.",
        "Du côté des banques, on note une légère reprise de la demande de crédit des ménages, tandis que le crédit à l’investissement des entreprises reste atone.",
        "Le prochain conseil est prévu dans trois mois. D’ici là, les marchés surveilleront de près l’évolution des prix alimentaires, principal facteur de volatilité de l’indice.",
    ]),
    dict(key="cinema", section="Culture", countries=ALL, titles=[
        "Festival du film {de_ville} : un palmarès dominé par les jeunes réalisatrices",
        "Cinéma : le grand prix du festival {de_ville} à « {film} »",
        "Festival {de_ville} : {#40-80} films en compétition pour la {#10-25}e édition",
    ], paras=[
        "La {#10-25}e édition du festival du film {de_ville} s’est achevée samedi soir avec la remise des prix. Le grand prix est revenu à « {film} », premier long métrage de {persf}, qui raconte le retour d’une jeune femme dans son village natal après des années d’exil.",
        "Le jury a salué « une mise en scène d’une grande délicatesse » et « une interprétation lumineuse » de l’actrice principale, également récompensée par le prix d’interprétation féminine.",
        "Au total, {#40-80} films venus d’une vingtaine de pays étaient en compétition cette année. Les organisateurs se félicitent d’une fréquentation en hausse, avec des salles souvent pleines, y compris pour les projections de l’après-midi.",
        "« Le public est là, et il est jeune. C’est la meilleure réponse à ceux qui disent que le cinéma d’auteur n’intéresse personne », a déclaré {pers2}, directeur artistique du festival.",
        "Des ateliers d’écriture et des rencontres professionnelles ont également été organisés en marge des projections, permettant à une trentaine de jeunes cinéastes de présenter leurs projets à des producteurs.",
        "Les professionnels ont toutefois rappelé les difficultés du secteur, marqué par la fermeture de nombreuses salles et la faiblesse des circuits de distribution.",
    ]),
    dict(key="routes", section="Société", countries=ALL, titles=[
        "Sécurité routière : {#20-40} morts en une semaine en milieu urbain",
        "Accidents de la route : un bilan « alarmant » à la veille des vacances",
        "Routes : les autorités durcissent les contrôles de vitesse entre {ville} et {ville2}",
    ], paras=[
        "{#20-40} personnes ont perdu la vie et plus de {#1-3} 000 autres ont été blessées dans des accidents de la circulation survenus la semaine dernière en milieu urbain, selon un bilan publié dimanche par les services de sécurité.",
        "L’inattention des conducteurs, l’excès de vitesse et le non-respect de la priorité restent les principales causes de ces accidents, qui touchent de plus en plus les usagers de deux-roues.",
        "À l’approche des vacances d’été, les autorités annoncent un renforcement des contrôles sur les principaux axes, notamment l’autoroute reliant {ville} à {ville2}, avec l’installation de nouveaux radars fixes et mobiles.",
        "« Chaque été, c’est la même chose. Les gens roulent de nuit, fatigués, avec des voitures surchargées », regrette {pers1}, responsable d’une association de prévention routière.",
        "Une campagne de sensibilisation sera diffusée à la télévision et sur les réseaux sociaux, avec des témoignages de victimes et de familles endeuillées.",
        "Les associations réclament aussi une meilleure prise en charge des blessés, en rappelant que les délais d’intervention des secours restent trop longs sur certaines routes nationales.",
    ]),
    dict(key="carburants", section="Économie", countries=ALL, titles=[
        "Carburants : nouvelle hausse des prix à la pompe",
        "Prix du gasoil : les transporteurs menacent de faire grève",
        "Carburants : « on ne peut plus suivre », s’alarment les chauffeurs de taxi",
    ], paras=[
        "Les prix des carburants ont de nouveau augmenté ce week-end dans les stations-service. Le litre de gasoil a gagné près de {%2-6} %, tandis que celui de l’essence sans plomb a progressé dans des proportions comparables.",
        "Cette hausse, la troisième en deux mois, s’explique selon les distributeurs par la remontée des cours du pétrole sur les marchés internationaux et par la dépréciation de la monnaie nationale face au dollar.",
        "Les professionnels du transport sont les premiers touchés. Plusieurs syndicats de transporteurs de marchandises menacent d’observer une grève si le gouvernement ne rétablit pas l’aide exceptionnelle accordée l’an dernier.",
        "« On ne peut plus suivre. Le tarif de la course est fixé par l’administration, mais le carburant, lui, augmente tous les quinze jours », s’alarme {pers1}, chauffeur de taxi à {ville} depuis {#10-25} ans.",
        "Les économistes redoutent un effet en cascade sur l’ensemble des prix, le transport pesant lourdement dans le coût final des produits alimentaires.",
        "Le gouvernement, interpellé au parlement, assure étudier « toutes les options », sans donner de calendrier.",
    ]),
    dict(key="emploi", section="Économie", countries=ALL, titles=[
        "Chômage : le taux remonte à {%10-16} %, les jeunes diplômés en première ligne",
        "Emploi des jeunes : {#20-60} 000 bénéficiaires pour le programme de chantiers publics",
        "Emploi : « nous voulons du travail, pas des promesses »",
    ], paras=[
        "Le taux de chômage a atteint {%10-16} % au dernier trimestre, selon {stat}. Il dépasse {#30-40} % chez les jeunes de 15 à 24 ans et touche particulièrement les diplômés de l’enseignement supérieur.",
        "Pour inverser la tendance, le gouvernement a lancé un programme d’emplois temporaires dans les chantiers publics et les collectivités territoriales, qui a déjà bénéficié à {#20-60} 000 jeunes.",
        "À {ville}, {pers1}, titulaire d’un master en gestion, enchaîne les contrats de quelques mois. « Nous voulons du travail, pas des promesses. J’ai envoyé plus de cent candidatures en un an », raconte-t-il.",
        "Les économistes pointent l’inadéquation entre les formations proposées et les besoins des entreprises, ainsi que le poids du secteur informel, qui emploie une grande partie de la population active.",
        "Le patronat plaide pour une réforme de la formation professionnelle et pour des incitations fiscales à l’embauche des jeunes, tandis que les syndicats réclament une hausse du salaire minimum.",
        "Un bilan d’étape du programme est attendu à la fin du semestre, avant une éventuelle extension à d’autres régions.",
    ]),
    dict(key="incendies", section="Société", countries=ALL, villes={
        "MA": ["Tétouan", "Chefchaouen", "Larache", "Ouezzane"],
        "DZ": ["Tizi Ouzou", "Béjaïa", "El Tarf", "Jijel"],
        "TN": ["Jendouba", "Bizerte", "Béja", "Tabarka"]}, titles=[
        "Incendies de forêt : plus de {#300-1500} hectares ravagés près {de_ville}",
        "Feux de forêt : des villages évacués près {de_ville}",
        "Incendies : « nous avons tout perdu en une nuit »",
    ], paras=[
        "Un violent incendie a ravagé plus de {#300-1500} hectares de forêt depuis vendredi près {de_ville}. Attisé par des vents chauds et des températures dépassant les {#40-47} degrés, le feu a progressé rapidement vers plusieurs villages, dont les habitants ont dû être évacués.",
        "Des centaines de pompiers, de militaires et de volontaires ont été mobilisés, appuyés par des avions bombardiers d’eau. Les autorités font état d’un foyer principal désormais maîtrisé, mais plusieurs reprises de feu restent surveillées.",
        "« Nous avons tout perdu en une nuit : la maison, les ruches, les oliviers », raconte {pers1}, un agriculteur de {#50-70} ans, hébergé avec sa famille dans une école transformée en centre d’accueil.",
        "Aucune victime n’est à déplorer, mais une dizaine de personnes ont été traitées pour des intoxications à la fumée. Une enquête a été ouverte pour déterminer l’origine du sinistre.",
        "Les spécialistes rappellent que la quasi-totalité des incendies de forêt sont d’origine humaine, qu’il s’agisse de négligences, de brûlis agricoles mal maîtrisés ou d’actes criminels.",
        "Le gouvernement a promis des indemnisations pour les agriculteurs sinistrés et un programme de reboisement des zones touchées dès l’automne.",
    ]),
    dict(key="enseignants", section="Société", countries=ALL, titles=[
        "Éducation : les enseignants en grève pour la {#2-5}e semaine consécutive",
        "Grève des enseignants : les parents d’élèves s’inquiètent pour les examens",
        "Enseignants : « nous ne reprendrons pas sans garanties écrites »",
    ], paras=[
        "Les écoles publiques tournent au ralenti depuis plusieurs semaines. Les enseignants ont entamé lundi leur {#2-5}e semaine de grève, à l’appel d’une coordination qui réclame la révision du statut particulier du personnel de l’éducation.",
        "Au cœur de la contestation : les conditions de promotion, jugées opaques, et le niveau des salaires, qui n’a pas suivi l’inflation. Les grévistes demandent une augmentation d’au moins {#1-3} 000 {monnaie} par mois.",
        "« Nous ne reprendrons pas sans garanties écrites. On nous a déjà fait des promesses il y a deux ans, et rien n’a changé », affirme {persf}, professeure de français dans un collège {de_ville}.",
        "Les parents d’élèves, de plus en plus inquiets, redoutent que le retard accumulé compromette les examens de fin d’année. Certains ont inscrit leurs enfants à des cours particuliers, une dépense que beaucoup de familles ne peuvent pas se permettre.",
        "Le ministère affirme que le dialogue reste ouvert et a proposé un calendrier de négociations sur trois mois. Il a également rappelé que les jours de grève non justifiés pourraient faire l’objet de retenues sur salaire.",
        "Une nouvelle réunion entre les représentants des enseignants et le ministère est prévue en fin de semaine.",
    ]),
    dict(key="malhoun", section="Culture", countries=("MA",), villes={
        "MA": ["Meknès", "Fès", "Marrakech", "Salé"]}, titles=[
        "Le malhoun « الملحون » à l’honneur à {ville} pour trois jours de festival",
        "Patrimoine : {ville} rend hommage aux maîtres du malhoun (الملحون)",
        "« الملحون », une poésie chantée qui se transmet encore à {ville}",
    ], paras=[
        "Pendant trois jours, {ville} a vibré au rythme du malhoun, cette poésie chantée en darija dont les textes, parfois vieux de plusieurs siècles, se transmettent de maître à élève. Le festival, organisé pour la {#5-20}e fois, a attiré un public nombreux dans les jardins et les places de la médina.",
        "Les organisateurs ont voulu mettre en avant la jeune génération. Une dizaine d’ensembles formés dans les conservatoires de la région se sont produits aux côtés des grands noms du genre, devant un public souvent ému.",
        "« Le malhoun, c’est la mémoire de nos villes. Quand un jeune apprend une qasida, c’est tout un pan de notre histoire qu’il sauve », explique {pers1}, chercheur et collectionneur de manuscrits.",
        "Une exposition de manuscrits anciens et de recueils imprimés était également proposée au public, ainsi que des conférences sur la place des femmes dans la poésie du malhoun.",
        "Les amateurs regrettent toutefois le manque de moyens consacrés à l’enseignement de cet art. Les associations, qui assurent l’essentiel de la transmission, fonctionnent souvent avec des budgets dérisoires.",
        "Le festival s’est clôturé par une soirée réunissant plusieurs générations d’interprètes, accompagnés d’un orchestre de luths, de violons et de percussions.",
    ]),
]


# --------------------------------------------------------------------------
# Arabic stories. Slots: see ar_context(). Written with Moroccan usage;
# AR_EAST turns it into Algerian and Tunisian usage.
# --------------------------------------------------------------------------

AR_TOPICS = [
    dict(key="eau", section="مجتمع", countries=ALL, titles=[
        "الإجهاد المائي: قطع الماء ليلا عن أحياء {madina} ابتداء من الأسبوع المقبل",
        "الجفاف يدفع سلطات {madina} إلى ترشيد توزيع الماء الصالح للشرب",
        "نسبة ملء السدود تتراجع إلى {#14-29} في المائة و{madina} تشدد الإجراءات",
    ], paras=[
        "أعلنت السلطات المحلية بمدينة {madina} عن قطع الماء الصالح للشرب ليلا عن عدد من الأحياء، ابتداء من يوم الإثنين المقبل، ما بين الساعة الحادية عشرة ليلا والسادسة صباحا، وذلك في إطار خطة استعجالية لمواجهة الخصاص المائي.",
        "ويأتي هذا القرار بعد تراجع نسبة ملء السدود التي تزود المدينة إلى {#14-29} في المائة، مقابل {#41-58} في المائة خلال الفترة نفسها من السنة الماضية، بسبب ضعف التساقطات المطرية خلال فصلي الخريف والشتاء.",
        "وقال {shakhs1}، المدير الجهوي للمؤسسة المكلفة بالتوزيع، إن هذه الإجراءات «ضرورية لتفادي انقطاع شامل قبل نهاية الصيف»، داعيا المواطنين إلى ترشيد الاستهلاك والامتناع عن سقي الحدائق وغسل السيارات بالماء الشروب.",
        "وتشمل الإجراءات أيضا الحمامات ومحطات غسل السيارات، إذ ستغلق الأولى ثلاثة أيام في الأسبوع، فيما يمنع ملء المسابح الخاصة إلى إشعار آخر تحت طائلة غرامات قد تصل إلى {#11-20} ألف {umla}.",
        "وعبر سكان الأحياء الهامشية عن قلقهم من القرار، إذ يقول {shakhs2}، وهو أب لثلاثة أطفال: «الماء ينقطع عندنا أصلا لساعات طويلة كل يوم، ومع هذا البرنامج الجديد سنضطر إلى تخزينه في البراميل».",
        "وعلى المدى المتوسط، تراهن السلطات على محطة لتحلية مياه البحر توجد في طور الإنجاز، يرتقب أن تدخل حيز الخدمة في غضون {#18-30} شهرا، بطاقة إنتاجية تصل إلى {#100-300} مليون متر مكعب سنويا.",
        "وفي انتظار ذلك، ستنظم حملات تحسيسية في المدارس والمساجد، فيما ستجتمع لجنة لليقظة والتتبع كل أسبوع لتقييم الوضع وتعديل الإجراءات حسب تطور المخزون المائي.",
    ]),
    dict(key="budget", section="اقتصاد", countries=ALL, titles=[
        "مشروع قانون المالية لسنة {annee1}: هذه أبرز الإجراءات الجديدة",
        "الحكومة تراهن على نمو بنسبة {%3-5} في المائة في ميزانية {annee1}",
        "المعارضة: مشروع قانون المالية «يفتقد إلى رؤية اجتماعية واضحة»",
    ], paras=[
        "قدمت الحكومة، يوم الإثنين، مشروع قانون المالية برسم سنة {annee1} أمام {barlaman}، متوقعة تحقيق نسبة نمو في حدود {%3-5} في المائة، وتقليص عجز الميزانية إلى {%3-6} في المائة من الناتج الداخلي الخام.",
        "وعلى مستوى الموارد، تعول الحكومة على توسيع الوعاء الضريبي بدل رفع نسب الضرائب، حيث يستهدف المشروع بشكل خاص المهن الحرة والتجار في القطاع غير المهيكل عبر التزامات تصريحية جديدة.",
        "ويتوقع أن تبلغ نفقات الاستثمار العمومي {#80-120} مليار {umla}، بزيادة قدرها {%4-12} في المائة مقارنة بالسنة الماضية، ستوجه أساسا إلى منشآت الماء والطرق القروية وتأهيل المستشفيات الجهوية.",
        "وبالنسبة للأجراء، ينص المشروع على مراجعة جدول الضريبة على الدخل، برفع الشطر المعفى إلى {#30-45} ألف {umla} سنويا، وهو إجراء سيستفيد منه، حسب وزارة المالية، قرابة مليوني ملزم.",
        "وانتقدت المعارضة المشروع، معتبرة أنه «يفتقد إلى رؤية اجتماعية واضحة»، وقال {shakhs1}، النائب عن دائرة {madina}، إن «الحكومة تقدم أرقاما، لكنها لا تقول شيئا عن القدرة الشرائية للطبقة الوسطى».",
        "ومن المنتظر أن يتم التصويت النهائي على المشروع قبل نهاية الدورة البرلمانية، بعد دراسة التعديلات التي تقدمت بها مختلف الفرق.",
    ]),
    dict(key="inflation", section="اقتصاد", countries=ALL, titles=[
        "التضخم: ارتفاع أسعار الاستهلاك بـ{%2-9} في المائة على أساس سنوي",
        "{ihsa}: المواد الغذائية وراء ارتفاع معدل التضخم",
        "غلاء الأسعار يثقل كاهل الأسر والخضر واللحوم في الصدارة",
    ], paras=[
        "سجل الرقم الاستدلالي لأسعار الاستهلاك ارتفاعا بنسبة {%2-9} في المائة على أساس سنوي خلال الشهر الماضي، حسب معطيات صادرة عن {ihsa} يوم الخميس، وهو أعلى مستوى يسجل منذ بداية السنة.",
        "وتظل المواد الغذائية المحرك الرئيسي لهذا الارتفاع، بزيادة بلغت {%6-15} في المائة، إذ سجلت الخضر الطرية واللحوم الحمراء والزيوت أكبر الزيادات، في حين عرفت أسعار المواد غير الغذائية ارتفاعا أكثر اعتدالا.",
        "وفي أسواق {madina}، يؤكد التجار هذا المنحى، ويقول {shakhs1}، بائع خضر منذ عشرين سنة: «ثمن الطماطم تضاعف تقريبا في شهرين، والزبائن أصبحوا يشترون بالحبة تقريبا».",
        "ويرجع الخبراء هذا الارتفاع إلى عدة عوامل، من بينها استمرار الجفاف الذي قلص العرض المحلي، وارتفاع كلفة المدخلات المستوردة وتكاليف النقل.",
        "وأكد {bank} أنه يتابع الوضع «باهتمام بالغ»، بعدما أبقى على سعر الفائدة الرئيسي دون تغيير خلال اجتماعه الأخير، معتبرا أن التضخم الحالي ناتج أساسا عن صدمات في العرض.",
        "من جهتها، تطالب جمعيات حماية المستهلك بتشديد المراقبة على المضاربين وتوسيع الدعم المباشر لفائدة الأسر المعوزة.",
    ]),
    dict(key="foot", section="رياضة", countries=ALL, club=True, titles=[
        "{nadi1} يتغلب على {nadi2} ({score}) وينفرد بالصدارة",
        "{dawri}: {nadi1} يهزم {nadi2} ويعزز موقعه في الصدارة",
        "«فوز بطعم الشخصية».. {nadi1} يطيح بـ{nadi2}",
    ], paras=[
        "حقق فريق {nadi1} فوزا مهما على ضيفه {nadi2} بنتيجة {score}، مساء الأحد، في المباراة التي احتضنها ملعب مدينة {madina} أمام قرابة {#18-45} ألف متفرج، ليستفرد بصدارة ترتيب {dawri}.",
        "وكان الفريق الزائر قد دخل المباراة بشكل جيد، وشكل خطورة على مرمى أصحاب الأرض خلال ربع الساعة الأول، قبل أن يتمكن {nadi1} من افتتاح التسجيل في الدقيقة {#20-40} إثر هجمة مرتدة سريعة.",
        "وفي الشوط الثاني، ضغط {nadi2} بحثا عن التعديل، دون أن ينجح في اختراق دفاع منظم، فيما جاء الهدف الثاني بضربة رأسية إثر ركنية، ليقضي على آمال الضيوف.",
        "وقال مدرب الفريق الفائز {shakhs1}، في الندوة الصحفية عقب اللقاء: «أظهرنا شخصية قوية. عانينا في بعض الفترات، لكن اللاعبين احترموا الخطة إلى النهاية»، رافضا الحديث عن اللقب في هذه المرحلة من الموسم.",
        "في المقابل، أبدى {shakhs2}، مدرب {nadi2}، أسفه لغياب النجاعة الهجومية، مؤكدا أن فريقه «أضاع ثلاث فرص سانحة في الشوط الأول، وفي هذا المستوى تدفع ثمن ذلك».",
        "ويستعد المتصدر لخوض مباراة صعبة خارج ميدانه الأسبوع المقبل، قبل فترة التوقف الدولي التي ستسمح بعودة عدد من العناصر المصابة.",
    ]),
    dict(key="selection", section="رياضة", countries=ALL, titles=[
        "{muntakhab}: الناخب الوطني يستدعي {#24-27} لاعبا ضمنهم ثلاثة وجوه جديدة",
        "ثلاثة وجوه جديدة في لائحة {muntakhab} استعدادا للتصفيات",
        "الناخب الوطني: «الباب مفتوح أمام الجميع»",
    ], paras=[
        "كشف الناخب الوطني، يوم الخميس، عن لائحة تضم {#24-27} لاعبا استعدادا للتجمع المقبل {lil_muntakhab} لكرة القدم، المرتقب انطلاقه بالمركز التقني بمدينة {madina}، وتعرف اللائحة حضور ثلاثة لاعبين محترفين بأوروبا لأول مرة.",
        "ومن بين الأسماء الجديدة، {shakhs1}، لاعب الوسط الهجومي البالغ من العمر {#20-23} سنة، الذي قدم موسما لافتا في الدوري البلجيكي، وأقنع الطاقم التقني بقدرته على اللعب في أكثر من مركز.",
        "وقال الناخب الوطني في ندوة صحفية: «الباب مفتوح أمام الجميع، والمعيار الوحيد هو الجاهزية والروح القتالية»، وذلك ردا على أسئلة الصحافيين حول غياب عدد من الركائز.",
        "ويغيب الحارس الأساسي عن اللائحة بسبب إصابة على مستوى الكتف، وسيعوضه {shakhs2} الذي خاض جميع مباريات فريقه هذا الموسم.",
        "وسيواجه {muntakhab} منتخبين إفريقيين خلال هذه النافذة الدولية برسم التصفيات، ومن شأن تحقيق الفوز في المباراة الأولى أن يقربه بشكل كبير من التأهل.",
        "وأعلنت {federation} أن تذاكر المباراة ستطرح للبيع عبر الإنترنت ابتداء من يوم الإثنين، بأسعار تتراوح بين {#30-50} و{#200-400} {umla} حسب المدرجات.",
    ]),
    dict(key="tourisme", section="اقتصاد", countries=ALL, titles=[
        "السياحة: ارتفاع عدد الوافدين بـ{%8-25} في المائة منذ بداية السنة",
        "فنادق {madina} تسجل نسب ملء قياسية بفضل الرحلات منخفضة التكلفة",
        "مهنيو السياحة: «لم نشهد هذا منذ أكثر من عشر سنوات»",
    ], paras=[
        "يواصل القطاع السياحي منحاه التصاعدي، إذ سجلت المراكز الحدودية {#3-9} ملايين وافد منذ بداية السنة، بارتفاع نسبته {%8-25} في المائة مقارنة بالفترة نفسها من السنة الماضية، وفق معطيات وزارة السياحة.",
        "ويعزى هذا الارتفاع أساسا إلى الأسواق الأوروبية التقليدية، وفي مقدمتها فرنسا وإسبانيا، إضافة إلى عودة أفراد الجالية المقيمة بالخارج الذين مددوا فترات إقامتهم هذه السنة.",
        "وفي مدينة {madina}، يتحدث المهنيون عن نسب ملء نادرا ما تم تسجيلها، ويقول {shakhs1}، مسير فندق يضم {#40-120} غرفة: «نحن محجوزون بالكامل في جميع عطل نهاية الأسبوع حتى نهاية الشهر، وهو أمر لم نشهده منذ أكثر من عشر سنوات».",
        "ولعب افتتاح خطوط جوية جديدة منخفضة التكلفة دورا حاسما في هذا الانتعاش، حيث أصبحت عدة شركات أوروبية تربط مطار المدينة بعدد من العواصم عدة مرات في الأسبوع.",
        "غير أن المهنيين ينبهون إلى تشبع بعض البنيات التحتية وإلى الخصاص في اليد العاملة المؤهلة، إذ تجد مؤسسات كثيرة صعوبة في توظيف الطباخين وموظفي الاستقبال.",
        "وبلغت عائدات السياحة من العملة الصعبة {#20-90} مليار {umla}، وهو مستوى يعزز مكانة القطاع ضمن أهم مصادر العملة الأجنبية في البلاد.",
    ]),
    dict(key="bac", section="مجتمع", countries=ALL, titles=[
        "نتائج BAC {annee}: نسبة النجاح تبلغ {%55-80} في المائة في الدورة العادية",
        "امتحانات {bac}: الإناث يتفوقن من جديد وتلميذة من {madina} في الصدارة",
        "الوزارة: دورة {bac} مرت «دون حالات غش كبرى»",
    ], paras=[
        "أعلنت وزارة التربية الوطنية، يوم الجمعة، عن نتائج الدورة العادية لامتحانات {bac}، حيث بلغت نسبة النجاح {%55-80} في المائة، بارتفاع طفيف مقارنة مع السنة الماضية.",
        "ومن أصل قرابة {#300-500} ألف مترشح، واصلت الإناث تفوقهن، إذ يمثلن حوالي {#55-62} في المائة من مجموع الناجحين، كما حصلن على أغلب الميزات «حسن جدا».",
        "وعاد أعلى معدل على الصعيد الوطني لتلميذة بثانوية عمومية بمدينة {madina}، في شعبة العلوم الرياضية، بمعدل {#18-19},{#50-95} من 20، وقالت في تصريح للصحافة: «لم أصدق، أعدت قراءة النتيجة ثلاث مرات».",
        "وأكدت الوزارة أن الدورة مرت «دون حالات غش كبرى»، بفضل التشويش على الاتصالات داخل مراكز الامتحان وتشديد العقوبات، مع تسجيل بضع عشرات من حالات الغش التي أحيلت على المجالس التأديبية.",
        "ويمكن للمترشحين غير الناجحين اجتياز الدورة الاستدراكية المقررة بعد ثلاثة أسابيع، فيما تطالب النقابات التعليمية بتنظيم دروس دعم مجانية داخل المؤسسات العمومية.",
        "وبالنسبة للناجحين، انطلق السباق نحو التسجيل في المدارس والجامعات، التي ستفتح منصاتها الإلكترونية ابتداء من يوم الإثنين.",
    ]),
    dict(key="hopital", section="صحة", countries=ALL, titles=[
        "افتتاح مستشفى جهوي جديد بطاقة {#300-600} سرير في {madina}",
        "بعد {#4-9} سنوات من الأشغال.. المستشفى الجهوي في {madina} يفتح أبوابه",
        "نقابيون: «الجدران وحدها لا تكفي.. نحتاج إلى أطباء»",
    ], paras=[
        "استقبل المركز الاستشفائي الجهوي الجديد بمدينة {madina}، يوم الإثنين، أول المرضى، بطاقة استيعابية تبلغ {#300-600} سرير، وبكلفة ناهزت {#2-3} مليار {umla}، ومن المنتظر أن يخفف الضغط عن أقسام المستعجلات بالجهة.",
        "وكانت أشغال المشروع، التي انطلقت قبل {#4-9} سنوات، قد عرفت توقفات متكررة بسبب خلافات مع المقاولة المكلفة بالإنجاز، ما جعل موعد تسليمه موضوعا متكررا في دورات المجلس الجهوي.",
        "ويتوفر المستشفى على تجهيزات حديثة، من بينها جهازان للفحص بالأشعة المقطعية وجهاز للرنين المغناطيسي، إضافة إلى قسم لعلاج الأورام ومركز لتصفية الدم يضم {#30-60} وحدة.",
        "غير أن مسألة الموارد البشرية تظل مطروحة، إذ يقول {shakhs1}، ممثل نقابي لمهنيي الصحة: «الجدران وحدها لا تكفي، نحتاج إلى أطباء، خاصة في التخدير وطب الأطفال».",
        "وتؤكد الإدارة أنه تم تعيين {#80-99} طبيبا و{#300-500} ممرض، على أن تتم عمليات توظيف جديدة قبل نهاية السنة، مع تحفيزات مالية للأطباء الذين يقبلون العمل بالجهة.",
        "أما السكان، فيأملون أن يضع المستشفى الجديد حدا لطول مواعيد الانتظار، ويقول {shakhs2}: «انتظرت والدتي ثمانية أشهر من أجل فحص لدى طبيب القلب، إذا غير هذا المستشفى ذلك فمرحبا».",
    ]),
    dict(key="train", section="اقتصاد", countries=ALL, titles=[
        "القطار: مدة الرحلة بين {madina} و{madina2} تنخفض إلى أقل من {#3-4} ساعات",
        "تحديث خط {madina}-{madina2} يوفر على المسافرين قرابة ساعة",
        "مسافرون: «ربح كبير في الوقت» على خط {madina}-{madina2}",
    ], paras=[
        "انطلقت، يوم السبت، أولى الرحلات على خط السكة الحديدية الرابط بين {madina} و{madina2} بعد تحديثه، حيث أصبحت مدة الرحلة أقل من {#3-4} ساعات، بعدما كانت تناهز خمس ساعات في السابق.",
        "وكلفت الأشغال، التي استمرت قرابة ثلاث سنوات، حوالي {#4-10} مليارات {umla}، وشملت مضاعفة السكة وكهربة عدة مقاطع، إضافة إلى إلغاء {#20-60} ممرا مستوى كانت وراء حوادث خطيرة.",
        "كما ارتفع عدد الرحلات إلى {#11-18} رحلة ذهابا وإيابا يوميا، من بينها قطارات مباشرة في أوقات الذروة موجهة للطلبة والموظفين الذين يتنقلون يوميا بين المدينتين.",
        "وقال {shakhs1}، وهو أستاذ التقيناه على رصيف المحطة: «كنت أستعمل الحافلة لأنها كانت أسرع، أما اليوم فقد أصبح القطار خيارا مغريا، رغم أن ثمن التذاكر يبقى مرتفعا بالنسبة لأسرة كاملة».",
        "وتعهد المكتب المكلف بالسكك الحديدية بالإبقاء على الأسعار دون تغيير إلى نهاية السنة، مع تخفيضات لفائدة المشتركين والشباب دون 25 سنة.",
        "ومن المرتقب إطلاق مشاريع أخرى، من بينها تحديث الخط الذي يربط جنوب البلاد، والذي ستنتهي دراساته التقنية السنة المقبلة.",
    ]),
    dict(key="solaire", section="اقتصاد", countries=ALL, titles=[
        "الطاقة: محطة شمسية بقدرة {#100-400} ميغاواط تدخل حيز الخدمة قرب {madina}",
        "تدشين أكبر محطة للطاقة الشمسية الكهروضوئية في {balad}",
        "الطاقات المتجددة تكسب مزيدا من المساحة في {jiha}",
    ], paras=[
        "دخلت محطة جديدة للطاقة الشمسية الكهروضوئية بقدرة {#100-400} ميغاواط حيز الخدمة على بعد حوالي ثلاثين كيلومترا من مدينة {madina} في {jiha}، وتمتد على مساحة تناهز {#300-900} هكتار، وتضم أزيد من {#200-700} ألف لوح شمسي.",
        "وبلغت كلفة المشروع {#3-6} مليارات {umla}، مولت جزئيا من طرف مؤسسات مالية دولية، ومن المنتظر أن تزود الكهرباء المنتجة ما يعادل {#150-400} ألف أسرة.",
        "وتندرج هذه المحطة، حسب السلطات، ضمن هدف رفع حصة الطاقات المتجددة إلى أكثر من نصف المزيج الكهربائي في أفق 2030، في بلد لا يزال يعتمد بشكل كبير على واردات المحروقات.",
        "وشغل الورش في ذروته حوالي {#800-1500} عامل، أغلبهم من الجماعات المجاورة، في حين لن يتطلب استغلال المحطة سوى حوالي مئة تقني.",
        "ويقول {shakhs1}، المهندس المتخصص في الطاقات المتجددة: «نتوفر على واحدة من أعلى الإمكانات الشمسية في العالم، والتحدي اليوم هو التخزين والشبكة».",
        "ومن المنتظر الإعلان عن طلب عروض لشطر ثان يشمل هذه المرة بطاريات للتخزين قبل نهاية السنة الجارية.",
    ]),
    dict(key="cereales", section="اقتصاد", countries=ALL, titles=[
        "الموسم الفلاحي: توقع محصول من الحبوب في حدود {#30-70} مليون قنطار",
        "أمطار متأخرة تنقذ جزءا من محصول الحبوب",
        "فلاحو {jiha}: «موسم صعب لكنه ليس ضائعا»",
    ], paras=[
        "يتوقع أن يبلغ محصول الحبوب خلال الموسم الفلاحي الحالي حوالي {#30-70} مليون قنطار، حسب التقديرات الأولية لوزارة الفلاحة، وهو رقم يفوق محصول السنة الماضية، لكنه يبقى بعيدا عن معدل السنوات الجيدة.",
        "وساهمت الأمطار التي تهاطلت خلال شهري مارس وأبريل في إنقاذ جزء من المزروعات، خاصة في المناطق البورية التي يعتمد فلاحوها كليا على التساقطات، بينما لم تعط حقول كثيرة في الجنوب والشرق أي محصول.",
        "وفي نواحي {madina}، يقول {shakhs1}، الذي يزرع حوالي خمسة عشر هكتارا من القمح الصلب: «الحبوب موجودة لكنها خفيفة، ومع ثمن الأسمدة والغازوال لست متأكدا من استرجاع ما أنفقته».",
        "وللحد من التبعية للواردات، قررت الحكومة الإبقاء على منحة التجميع لفائدة التعاونيات، وحددت السعر المرجعي للقمح اللين في {#250-400} {umla} للقنطار.",
        "أما مربو الماشية، فيشتكون من ارتفاع أسعار الأعلاف في ظل ضعف المراعي، وتطالب عدة هيئات مهنية بدعم الشعير.",
        "ويدعو الخبراء إلى تسريع التحول نحو زراعات أكثر مقاومة للجفاف وتعميم السقي بالتنقيط.",
    ]),
    dict(key="greve", section="سياسة", countries=ALL, titles=[
        "{barlaman} يصادق على مشروع القانون التنظيمي للإضراب",
        "النقابات تصف قانون الإضراب بـ«التراجعي» وتدعو إلى التعبئة",
        "قانون الإضراب: تصويت في أجواء مشحونة",
    ], paras=[
        "صادق {barlaman}، مساء الثلاثاء، في قراءة أولى، على مشروع القانون التنظيمي المحدد لشروط وكيفيات ممارسة حق الإضراب، بموافقة {#151-199} نائبا ومعارضة {#41-89}، بعد أكثر من عشر ساعات من النقاش.",
        "ويؤطر هذا النص، الذي ظل منتظرا لعقود، آجال الإخطار والتفاوض المسبق الإجباري والحد الأدنى من الخدمة في القطاعات الحيوية كالصحة والطاقة والنقل.",
        "ووصفت المركزيات النقابية الرئيسية النص بـ«التراجعي»، ودعت إلى يوم للتعبئة الأسبوع المقبل، وقال {shakhs1}، الكاتب العام لإحدى الجامعات النقابية: «يريدون فرض مساطر معقدة تجعل الإضراب مستحيلا من الناحية العملية».",
        "في المقابل، دافع وزير التشغيل عن نص «متوازن» يحمي، حسب قوله، الأجراء واستمرارية المرفق العمومي على حد سواء، مذكرا بأن عددا من التعديلات التي اقترحتها النقابات تم قبولها خلال المناقشة في اللجنة.",
        "وحاولت المعارضة إلى آخر لحظة سحب المادة المتعلقة بالاقتطاع من الأجور في حالة الإضراب، دون جدوى، وقال {shakhs2}: «هذا قانون للعقاب وليس للحماية».",
        "ومن المنتظر أن يعرض النص في قراءة ثانية قبل المصادقة النهائية عليه.",
    ]),
    dict(key="carburants", section="اقتصاد", countries=ALL, titles=[
        "المحروقات: زيادة جديدة في أسعار البيع بمحطات الوقود",
        "غلاء الغازوال: مهنيو النقل يلوحون بالإضراب",
        "سائقو سيارات الأجرة: «لم نعد قادرين على مواكبة الزيادات»",
    ], paras=[
        "عرفت أسعار المحروقات زيادة جديدة نهاية الأسبوع بمحطات الوقود، حيث ارتفع ثمن لتر الغازوال بحوالي {%2-6} في المائة، فيما ارتفع ثمن البنزين بنسبة مماثلة.",
        "وتعد هذه الزيادة الثالثة في ظرف شهرين، ويرجعها الموزعون إلى ارتفاع أسعار النفط في الأسواق الدولية وتراجع قيمة العملة الوطنية أمام الدولار.",
        "ويعد مهنيو النقل أول المتضررين، إذ تهدد عدة نقابات لنقل البضائع بخوض إضراب إذا لم تعد الحكومة العمل بالدعم الاستثنائي الذي منح السنة الماضية.",
        "ويقول {shakhs1}، سائق سيارة أجرة بمدينة {madina} منذ {#11-25} سنة: «لم نعد قادرين على المواكبة. تعريفة الرحلة تحددها الإدارة، أما الوقود فيرتفع كل خمسة عشر يوما».",
        "ويخشى الاقتصاديون من انعكاس هذه الزيادات على مجموع الأسعار، بالنظر إلى الوزن الكبير للنقل في الكلفة النهائية للمواد الغذائية.",
        "وأكدت الحكومة، ردا على أسئلة البرلمانيين، أنها تدرس «جميع الخيارات»، دون أن تحدد أي جدول زمني.",
    ]),
    dict(key="cinema", section="ثقافة", countries=ALL, titles=[
        "مهرجان {madina} للفيلم: الجائزة الكبرى لفيلم «{film}»",
        "{#41-80} فيلما تتنافس في الدورة {#10-25} لمهرجان {madina} للفيلم",
        "هيمنة المخرجات الشابات على جوائز مهرجان {madina} للفيلم",
    ], paras=[
        "أسدل الستار، مساء السبت، على فعاليات الدورة {#10-25} لمهرجان {madina} للفيلم، بتوزيع الجوائز، حيث عادت الجائزة الكبرى لفيلم «{film}»، أول عمل روائي طويل للمخرجة {imraa1}، الذي يحكي قصة شابة تعود إلى قريتها بعد سنوات من الغربة.",
        "ونوهت لجنة التحكيم بـ«الإخراج المرهف» و«الأداء المتألق» للممثلة الرئيسية، التي توجت بدورها بجائزة أفضل أداء نسائي.",
        "وتنافس هذه السنة {#41-80} فيلما من حوالي عشرين بلدا، فيما عبر المنظمون عن ارتياحهم لارتفاع عدد الحضور، بعدما امتلأت القاعات حتى خلال عروض فترة الظهيرة.",
        "وقال {shakhs2}، المدير الفني للمهرجان: «الجمهور حاضر وهو جمهور شاب، وهذا أفضل رد على من يقول إن سينما المؤلف لا تهم أحدا».",
        "ونظمت على هامش العروض ورشات للكتابة ولقاءات مهنية، مكنت حوالي ثلاثين سينمائيا شابا من تقديم مشاريعهم أمام المنتجين.",
        "غير أن المهنيين ذكروا بالصعوبات التي يعيشها القطاع، في ظل إغلاق عدد كبير من القاعات وضعف شبكات التوزيع.",
    ]),
    dict(key="routes", section="مجتمع", countries=ALL, titles=[
        "حوادث السير: {#20-40} قتيلا خلال أسبوع بالمدار الحضري",
        "حصيلة «مقلقة» لحوادث السير على أبواب العطلة الصيفية",
        "السلطات تشدد مراقبة السرعة على الطريق بين {madina} و{madina2}",
    ], paras=[
        "لقي {#20-40} شخصا مصرعهم وأصيب {#1200-2900} آخرون بجروح في حوادث سير وقعت خلال الأسبوع الماضي بالمدار الحضري، حسب حصيلة نشرتها المصالح الأمنية يوم الأحد.",
        "وتظل عدم انتباه السائقين والسرعة المفرطة وعدم احترام حق الأسبقية أبرز أسباب هذه الحوادث، التي باتت تطال بشكل متزايد مستعملي الدراجات النارية.",
        "ومع اقتراب العطلة الصيفية، أعلنت السلطات عن تشديد المراقبة على المحاور الرئيسية، خاصة الطريق السيار الرابط بين {madina} و{madina2}، مع تثبيت رادارات جديدة ثابتة ومتنقلة.",
        "ويقول {shakhs1}، المسؤول بإحدى جمعيات الوقاية من حوادث السير: «كل صيف يتكرر السيناريو نفسه، الناس يسوقون ليلا وهم متعبون، بسيارات محملة أكثر من اللازم».",
        "وستبث حملة تحسيسية على التلفزيون ومواقع التواصل الاجتماعي، تتضمن شهادات لضحايا وعائلات فقدت ذويها.",
        "كما تطالب الجمعيات بتحسين التكفل بالمصابين، مذكرة بأن آجال تدخل الإسعاف ما تزال طويلة على بعض الطرق الوطنية.",
    ]),
    dict(key="enseignants", section="مجتمع", countries=ALL, titles=[
        "التعليم: الأساتذة يواصلون الإضراب للأسبوع {usbu} على التوالي",
        "إضراب الأساتذة يثير قلق الأسر بشأن الامتحانات",
        "أساتذة: «لن نعود إلى الأقسام دون ضمانات مكتوبة»",
    ], paras=[
        "تعيش المدارس العمومية على إيقاع الشلل منذ أسابيع، بعدما دخل الأساتذة، يوم الإثنين، الأسبوع {usbu} من الإضراب، استجابة لدعوة تنسيقية تطالب بمراجعة النظام الأساسي لموظفي التربية.",
        "وتتمحور مطالب المحتجين حول شروط الترقية التي يعتبرونها غير شفافة، ومستوى الأجور الذي لم يواكب ارتفاع الأسعار، حيث يطالبون بزيادة لا تقل عن {#1500-3000} {umla} شهريا.",
        "وتقول {imraa1}، أستاذة اللغة الفرنسية بإحدى الإعداديات بمدينة {madina}: «لن نعود إلى الأقسام دون ضمانات مكتوبة، فقد سبق أن قدموا لنا وعودا قبل سنتين ولم يتغير شيء».",
        "في المقابل، يتزايد قلق أولياء التلاميذ من أن يؤثر التأخر المتراكم على امتحانات نهاية السنة، وقد لجأ بعضهم إلى تسجيل أبنائهم في الدروس الخصوصية، وهي مصاريف لا تستطيع أسر كثيرة تحملها.",
        "وتؤكد الوزارة أن باب الحوار يظل مفتوحا، واقترحت جدولا زمنيا للمفاوضات يمتد على ثلاثة أشهر، مذكرة بأن أيام الإضراب غير المبررة قد تكون موضوع اقتطاعات من الأجور.",
        "ومن المرتقب عقد اجتماع جديد بين ممثلي الأساتذة والوزارة في نهاية الأسبوع.",
    ]),
    dict(key="pluies", section="مجتمع", countries=ALL, titles=[
        "نشرة إنذارية: أمطار رعدية قوية مرتقبة بعدد من المناطق",
        "فيضانات تغمر أحياء بمدينة {madina} وتشل حركة السير",
        "الأرصاد الجوية تحذر من تساقطات قد تصل إلى {#40-90} ملم",
    ], paras=[
        "حذرت مصالح الأرصاد الجوية من أمطار رعدية قوية مرتقبة ابتداء من مساء اليوم وإلى غاية يوم غد، قد تصل مقاييسها إلى {#40-90} ملم في بعض المناطق، مصحوبة بتساقط البرد وهبات رياح قوية.",
        "وكانت أمطار غزيرة قد تهاطلت، ليلة أمس، على مدينة {madina}، ما تسبب في غمر عدد من الأحياء المنخفضة بالمياه، وشل حركة السير في عدة محاور طرقية لساعات.",
        "وقال {shakhs1}، أحد سكان حي شعبي تضرر من الفيضانات: «المياه دخلت المنازل في أقل من نصف ساعة، ولم نتمكن من إنقاذ الأثاث»، منتقدا ضعف قنوات تصريف مياه الأمطار.",
        "وتدخلت فرق الوقاية المدنية لإجلاء عدد من الأسر، فيما أعلنت السلطات تعليق الدراسة بالمؤسسات التعليمية بالمناطق المعنية إلى حين تحسن الأحوال الجوية.",
        "ودعت السلطات المواطنين إلى توخي الحذر وتجنب التنقل غير الضروري، خاصة بالقرب من الأودية والمنحدرات.",
        "ويرى خبراء أن هذه التساقطات، رغم الأضرار التي خلفتها، ستساهم في تحسين مخزون السدود والفرشة المائية بعد سنوات من الجفاف.",
    ]),
    dict(key="emploi", section="اقتصاد", countries=ALL, titles=[
        "البطالة: ارتفاع المعدل إلى {%10-16} في المائة وحاملو الشهادات في الواجهة",
        "برنامج تشغيل الشباب يستفيد منه {#20-60} ألف شخص",
        "شباب عاطل: «نريد عملا لا وعودا»",
    ], paras=[
        "بلغ معدل البطالة {%10-16} في المائة خلال الفصل الأخير، حسب معطيات صادرة عن {ihsa}، متجاوزا {#30-40} في المائة في صفوف الشباب المتراوحة أعمارهم بين 15 و24 سنة، ومس بشكل خاص حاملي الشهادات العليا.",
        "ولمواجهة هذا الوضع، أطلقت الحكومة برنامجا للتشغيل المؤقت في الأوراش العمومية والجماعات الترابية، استفاد منه إلى حد الآن {#20-60} ألف شاب.",
        "وفي مدينة {madina}، يتنقل {shakhs1}، الحاصل على ماستر في التسيير، بين عقود لا تتجاوز بضعة أشهر، ويقول: «نريد عملا لا وعودا، أرسلت أكثر من مئة طلب ترشيح في سنة واحدة».",
        "ويشير الاقتصاديون إلى عدم ملاءمة التكوينات المقترحة لحاجيات المقاولات، وإلى ثقل القطاع غير المهيكل الذي يشغل جزءا كبيرا من الساكنة النشيطة.",
        "ويدعو أرباب العمل إلى إصلاح التكوين المهني ومنح تحفيزات ضريبية لتشغيل الشباب، في حين تطالب النقابات برفع الحد الأدنى للأجور.",
        "ومن المنتظر تقديم حصيلة مرحلية للبرنامج في نهاية الأسدوس، قبل تعميمه المحتمل على جهات أخرى.",
    ]),
    dict(key="startup", section="اقتصاد", countries=ALL, titles=[
        "شركة «{startup}» الناشئة تجمع تمويلا بقيمة {#3-9} ملايين دولار",
        "Fintech: مستثمرون أجانب يراهنون على شركة ناشئة من {madina}",
        "مؤسس {startup}: «منظومة المقاولات الناشئة بلغت مرحلة النضج»",
    ], paras=[
        "أعلنت الشركة الناشئة {startup}، المتخصصة في الأداء عبر الهاتف المحمول، يوم الثلاثاء، عن جمع تمويل بقيمة {#3-9} ملايين دولار من مجموعة من المستثمرين الأفارقة والأوروبيين، في واحدة من أكبر عمليات التمويل التي تحققها مقاولة ناشئة في البلاد.",
        "وتأسست الشركة قبل {#3-6} سنوات بمدينة {madina} على يد {shakhs1}، المهندس السابق بأحد البنوك الكبرى، وتقول إنها تضم اليوم أزيد من {#300-900} ألف مستخدم و{#40-99} موظفا.",
        "وستخصص الأموال التي تم جمعها لتسريع تطوير خدمات جديدة، من بينها القروض الصغرى لفائدة التجار، والتحضير للتوسع في بلدين بغرب إفريقيا.",
        "وقال {shakhs1}: «منظومة المقاولات الناشئة بلغت أخيرا مرحلة النضج، قبل خمس سنوات كان من شبه المستحيل إقناع مستثمر أجنبي بالقدوم إلى هنا».",
        "ويطالب الفاعلون في القطاع بإجراءات إضافية، من بينها نظام ضريبي خاص بالمقاولات الناشئة وتسهيل ولوجها إلى الصفقات العمومية.",
        "وحسب دراسة حديثة، جمعت المقاولات التكنولوجية الناشئة في البلاد ما مجموعه {#50-150} مليون دولار خلال السنة الماضية، وهو مبلغ في تزايد لكنه يظل متواضعا مقارنة بالدول الرائدة في القارة.",
    ]),
]


# --------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------

def fr_context(country, topic, rng, pub):
    c = FR_COUNTRY[country]
    villes = topic.get("villes", {}).get(country) or c["villes"]
    ville, ville2 = rng.sample(villes, 2)
    ctx = dict(
        pays=c["pays"], du_pays=c["du_pays"], au_pays=c["au_pays"],
        ville=ville, Ville=cap(ville), de_ville=de(ville),
        ville2=ville2, de_ville2=de(ville2),
        region=region_fr(country, ville), monnaie=c["monnaie"],
        parlement=c["parlement"], Parlement=cap(c["parlement"]),
        stat=c["stat"], stat_short=c["stat_short"],
        banque=c["banque"], Banque=cap(c["banque"]), eau_office=c["eau_office"],
        capitale=c["capitale"], championnat=c["championnat"],
        Championnat=cap(c["championnat"]),
        selection=c["selection"], Selection=cap(c["selection"]),
        des_selection=c["des_selection"],
        pers1=fr_name(rng, female=False), pers2=fr_name(rng, female=False),
        persf=fr_name(rng, female=True),
        startup=rng.choice(STARTUPS), film=rng.choice(FILMS_FR),
        annee=str(pub.year), annee1=str(pub.year + 1),
    )
    if topic.get("club"):
        (club1, city), (club2, _) = rng.sample(c["clubs"], 2)
        ctx.update(club1=club1, Club1=cap(club1), club2=club2, ville=city,
                   Ville=city, de_ville=de(city), score=rng.choice(["2-0", "3-0"]))
    return ctx


def ar_context(country, topic, rng, pub):
    c = AR_COUNTRY[country]
    madina, madina2 = rng.sample(c["mudun"], 2)
    ctx = dict(
        balad=c["balad"], madina=madina, madina2=madina2,
        jiha=region_ar(country, madina), umla=c["umla"], barlaman=c["barlaman"],
        ihsa=c["ihsa"], bank=c["bank"], dawri=c["dawri"],
        muntakhab=c["muntakhab"], lil_muntakhab=c["lil_muntakhab"],
        federation=c["federation"], bac=c["bac"],
        shakhs1=ar_name(rng), shakhs2=ar_name(rng), imraa1=ar_name(rng, female=True),
        usbu=rng.choice(["الثاني", "الثالث", "الرابع"]),
        startup=rng.choice(STARTUPS), film=rng.choice(FILMS_AR),
        annee=str(pub.year), annee1=str(pub.year + 1),
    )
    if topic.get("club"):
        (nadi1, city), (nadi2, _) = rng.sample(c["nawadi"], 2)
        ctx.update(nadi1=nadi1, nadi2=nadi2, madina=city,
                   score=rng.choice(["2-0", "3-0"]))
    return ctx


def make_story(lang, country, topic, rng, pub):
    context = fr_context if lang == "fr" else ar_context
    ctx = context(country, topic, rng, pub)
    cache = {}
    title = fill(rng.choice(topic["titles"]), ctx, cache, rng)
    templates = topic["paras"]
    others = rng.randint(2, min(len(templates) - 1, 5))
    chosen = [0] + sorted(rng.sample(range(1, len(templates)), others))
    if topic.get("club"):
        # A match report tells the match in order.
        chosen = list(range(len(templates)))
    paras = [fill(templates[i], ctx, cache, rng) for i in chosen]
    if lang == "ar" and country != "MA":
        def east(s):
            for ma, other in AR_EAST:
                s = s.replace(ma, other)
            return s
        title, paras = east(title), [east(p) for p in paras]
    return dict(title=title, paras=paras, section=topic["section"], key=topic["key"])


def typeset(s, straight=False, quotes=None):
    """An outlet's typography: straight apostrophes, guillemets with
    non-breaking spaces, or straight double quotes."""
    if straight:
        s = s.replace("’", "'")
    if quotes == "nbsp":
        s = s.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    elif quotes == "straight":
        s = s.replace("« ", '"').replace(" »", '"')
    return s


# --------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------

FR_TICKER = [
    "Météo : temps chaud et ciel dégagé ce week-end",
    "Bourse : le principal indice termine en légère hausse",
    "Un séisme de magnitude 4,1 ressenti dans le nord du pays",
    "Coupe nationale : le tirage au sort des quarts de finale dévoilé",
    "Les prix de l’immobilier stables au premier trimestre",
    "Une nouvelle ligne de bus entre la gare et l’aéroport",
    "Examens : le calendrier des épreuves enfin publié",
    "Le port enregistre un trafic record de conteneurs",
    "Un nouveau parc urbain ouvert au public",
    "Grève des transports : perturbations attendues lundi",
    "Les exportations d’agrumes en nette hausse",
    "Festival : le programme de la prochaine édition dévoilé",
]
AR_TICKER = [
    "الأرصاد: طقس حار وسماء صافية نهاية الأسبوع",
    "البورصة تنهي تداولاتها على وقع ارتفاع طفيف",
    "هزة أرضية بقوة 4,1 درجات تضرب شمال البلاد",
    "قرعة ربع نهائي الكأس تسفر عن مواجهات قوية",
    "استقرار أسعار العقار خلال الفصل الأول",
    "خط جديد للحافلات بين المحطة والمطار",
    "الإعلان عن جدولة الامتحانات الإشهادية",
    "الميناء يسجل رقما قياسيا في رواج الحاويات",
    "افتتاح منتزه حضري جديد في وجه العموم",
    "إضراب النقل: اضطرابات مرتقبة يوم الإثنين",
    "ارتفاع ملحوظ في صادرات الحوامض",
    "الكشف عن برنامج الدورة المقبلة للمهرجان",
]
FR_COMMENTS = [
    "Enfin une bonne nouvelle, il était temps.",
    "On attend de voir les résultats sur le terrain.",
    "Toujours les mêmes promesses, rien ne change.",
    "Merci pour cet article très complet.",
    "Et les régions du sud, on les oublie encore ?",
    "Il faudrait surtout contrôler les prix.",
    "Bravo, continuez comme ça !",
    "Article intéressant mais un peu trop optimiste à mon avis.",
]
FR_COMMENTERS = ["Karim75", "Observateur", "Salma B.", "Citoyen lambda", "Nour", "Ahmed R."]
AR_COMMENTS = [
    "أخيرا خبر جيد، كان الوقت قد حان.",
    "ننتظر النتائج على أرض الواقع.",
    "نفس الوعود كل سنة ولا شيء يتغير.",
    "شكرا على هذا المقال المفصل.",
    "والمناطق الجنوبية دائما منسية.",
    "يجب مراقبة الأسعار أولا.",
    "برافو، استمروا هكذا.",
    "الله يكون فالعون.",
]
AR_COMMENTERS = ["مواطن غيور", "أبو أيوب", "ابن المدينة", "سعيد", "مغربي حر", "زائر"]


def esc(s):
    return html.escape(s, quote=False)


def att(s):
    return html.escape(s, quote=True)


def wp_entities(s):
    """Escapes text the way WordPress prints it (`&#8217;`, `&laquo;`)."""
    s = esc(s)
    for ch, ent in (("’", "&#8217;"), ("«", "&laquo;"), ("»", "&raquo;"),
                    ("–", "&#8211;"), (NBSP, "&nbsp;")):
        s = s.replace(ch, ent)
    return s


def slugify(s):
    s = s.lower()
    for a, b in (("àâä", "a"), ("éèêë", "e"), ("îï", "i"), ("ôö", "o"),
                 ("ùûü", "u"), ("ç", "c")):
        for ch in a:
            s = s.replace(ch, b)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:70] or "article"


def ticker_line(items, label=""):
    sep = NBSP + " " + NBSP + " " + NBSP + " "
    return label + sep + sep.join(items) + sep


def comments_fr(rng, n):
    out = []
    for _ in range(n):
        out.append((rng.choice(FR_COMMENTERS), rng.choice(FR_COMMENTS)))
    return out


def comments_ar(rng, n):
    return [(rng.choice(AR_COMMENTERS), rng.choice(AR_COMMENTS)) for _ in range(n)]


def html_page(head, body, lang="fr"):
    rtl = ' dir="rtl"' if lang == "ar" else ""
    head = "\n".join("  " + line for line in head if line)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>\n<head>\n{head}\n</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def meta(prop, content, attr="property"):
    return f'<meta {attr}="{prop}" content="{att(content)}">'


def json_ld(p, publisher, url):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p["title"],
        "datePublished": iso(p["pub"]),
        "author": {"@type": "Person", "name": p["author"]},
        "publisher": {"@type": "Organization", "name": publisher},
        "mainEntityOfPage": url,
        "articleSection": p["section"],
    }
    if p["upd"]:
        data["dateModified"] = iso(p["upd"])
    return ('<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False) + "</script>")


def ul(items, cls=None, link="#"):
    c = f' class="{cls}"' if cls else ""
    lis = "".join(f'<li><a href="{link}">{esc(i)}</a></li>' for i in items)
    return f"<ul{c}>{lis}</ul>"


def paras_html(paras, read_also=None, label="Lire aussi :", at=2, enc=esc):
    out = []
    for i, para in enumerate(paras):
        out.append(f"<p>{enc(para)}</p>")
        if read_also and i + 1 == at:
            out.append(f'<p class="read-also"><strong>{esc(label)}</strong> '
                       f'<a href="#">{enc(read_also)}</a></p>')
    return "\n".join(out)


def paras_text(paras, read_also=None, label="Lire aussi : ", at=2):
    out = []
    for i, para in enumerate(paras):
        out.append(para)
        if read_also and i + 1 == at:
            out.append(label + read_also)
    return out


def text_page(lines):
    """A page as a browser's "copy all" gives it: one block a line (`""` is
    a blank line; `None` is left out)."""
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n"


def spaced(lines):
    """Lines with a blank line between them (paragraphs)."""
    out = []
    for line in lines:
        out.extend([line, ""])
    return out


# --------------------------------------------------------------------------
# Layouts. Each renders a page dict (see build_layout) into (extension,
# text); it may set p["truth_date"] to None when the page shows no date.
# --------------------------------------------------------------------------

def byline_initial(name):
    first, last = name.split(" ", 1)
    return f"{first} {last[0]}."


# -- Hespress FR: full metadata (og:*, article:published_time, JSON-LD) -----

def r_hespress_fr(p):
    rng, t, pub, upd = p["rng"], p["title"], p["pub"], p["upd"]
    url = f"https://fr.hespress.com/{300000 + p['idx'] * 7919}-{slugify(t)}.html"
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(t)} | Hespress FR</title>",
        meta("og:type", "article"), meta("og:title", t),
        meta("og:description", p["paras"][0][:160]), meta("og:url", url),
        meta("og:site_name", "Hespress FR"),
        meta("article:published_time", iso(pub)),
        meta("article:modified_time", iso(upd)) if upd else None,
        meta("article:section", p["section"]),
        f'<link rel="canonical" href="{url}">',
        json_ld(p, "Hespress FR", url),
        '<link rel="stylesheet" href="/assets/css/app.min.css">',
        "<script>window.dataLayer = window.dataLayer || [];</script>",
    ]
    menu = ["Politique", "Économie", "Société", "Monde", "Sport", "Culture", "Médias", "Vidéos"]
    when = f"{cap(fr_long_day(pub))} - {hm(pub)}"
    updated = (f' <span class="updated">Mis à jour le {fr_long(upd)} à {hm(upd)}</span>'
               if upd else "")
    comments = "".join(
        f'<div class="comment"><span class="comment-author">{esc(a)}</span> '
        f'<span class="comment-date">{fr_long(pub)}</span><p>{esc(c)}</p></div>'
        for a, c in comments_fr(rng, rng.randint(1, 3)))
    body = f"""<header class="site-header"><div class="container">
<a class="logo" href="/">Hespress FR</a>
<nav class="main-nav">{ul(menu)}</nav>
</div></header>
<div class="breaking-news"><span class="label">Dernières infos</span>
{ul(p["ticker"])}
</div>
<main><div class="container">
<article class="post">
<div class="breadcrumb"><a href="/">Accueil</a> » <a href="/{slugify(p['section'])}">{esc(p['section'])}</a></div>
<h1 class="post-title">{esc(t)}</h1>
<div class="post-meta"><span class="author">{esc(p['author'])}</span> <span class="date">{when}</span>{updated}</div>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Copier le lien</a></div>
<figure><img src="/uploads/{p['idx']}.jpg" alt=""><figcaption>Photo d’illustration</figcaption></figure>
<div class="post-content">
{paras_html(p["paras"], p["related"][0])}
</div>
<div class="post-tags"><span>Tags :</span> <a href="#">{esc(p['section'])}</a> <a href="#">Maroc</a></div>
</article>
<aside class="related"><h3>Articles similaires</h3>{ul(p["related"])}</aside>
<section class="comments"><h3>Commentaires</h3>{comments}</section>
</div></main>
<footer class="site-footer"><p>© Hespress FR {pub.year}. Tous droits réservés.</p>
{ul(["Qui sommes-nous", "Contact", "Mentions légales"])}</footer>"""
    return "html", html_page(head, body)


# -- Le360: og:title and og:site_name, the date only in the text ----------

def r_le360(p):
    rng, t, pub, upd = p["rng"], p["title"], p["pub"], p["upd"]
    url = f"https://fr.le360.ma/{slugify(p['section'])}/{slugify(t)}_{p['idx'] + 4210}/"
    og = p["idx"] not in (3, 8)
    head = [
        '<meta charset="utf-8">',
        f"<title>{esc(t)} | le360.ma</title>",
        meta("og:title", t) if og else None,
        meta("og:site_name", "Le360"),
        meta("og:image", f"https://static.le360.ma/img/{p['idx']}.jpg"),
        f'<link rel="canonical" href="{url}">',
    ]
    menu = ["Politique", "Économie", "Société", "Monde", "Sport", "Culture",
            "Vidéos", "Le360 Sport", "Le360 Afrique"]
    date = f"Le {num(pub)} à {hm(pub, 'h')}"
    if upd:
        date += f", mis à jour le {num(upd)} à {hm(upd, 'h')}"
    author = p["author"]
    body = f"""<div class="top-header"><div class="logo">Le360</div>
<div class="main-menu">{ul(menu)}</div></div>
<div class="page"><article>
<div class="article-section">{esc(p['section'])}</div>
<h1>{esc(t)}</h1>
<div class="byline">Par {esc(author)}</div>
<div class="date">{date}</div>
<p class="lead"><strong>{esc(p['paras'][0])}</strong></p>
{paras_html(p["paras"][1:], p["related"][0], label="LIRE AUSSI :", at=1)}
<div class="social-share">Partager sur Facebook | Partager sur X | Partager sur WhatsApp</div>
<div class="related-articles"><h2>Sur le même sujet</h2>{ul(p["related"])}</div>
</article></div>
<footer><div class="logo">Le360</div><p>© Le360 {pub.year}</p></footer>"""
    return "html", html_page(head, body)


# -- Le Matin: plain-text saves, "Par la rédaction - Le Matin" ------------

def r_le_matin(p):
    rng, t, pub, upd, i = p["rng"], p["title"], p["pub"], p["upd"], p["idx"]
    byline = "Par la rédaction - Le Matin" if i % 2 == 0 else f"Par {p['author']} - Le Matin"
    dateline = [f"Le {fr_long(pub)} à {hm(pub)}",
                f"{fr_title_case(pub, weekday=False)} À {hm(pub)}",
                f"Publié le {num(pub)} à {hm(pub)}"][i % 3]
    if i >= 8:
        return r_le_matin_html(p, byline, dateline)
    head = [t, byline] if i % 3 != 2 else [byline, t]
    lines = [
        "Le Matin",
        "Accueil | Nation | Économie | Sports | Monde | Culture | Régions | Le Matin TV",
        ticker_line(p["ticker"], "Flash info :"),
        "",
        p["section"],
        *head,
        dateline,
        f"Mis à jour le {fr_long(upd)} à {hm(upd)}" if upd else None,
        "",
        *spaced(paras_text(p["paras"], p["related"][0])),
        "Partager :",
        "Facebook", "Twitter", "LinkedIn", "WhatsApp",
        "",
        "Articles similaires",
        *p["related"],
        p["ticker"][0],
        "",
        "Commentaires (0)",
        "Soyez le premier à commenter cet article",
        "",
        "Newsletter",
        "Recevez chaque matin l’essentiel de l’actualité",
        f"© Le Matin {pub.year} - Tous droits réservés",
    ]
    return "txt", text_page(lines)


def r_le_matin_html(p, byline, dateline):
    t, pub = p["title"], p["pub"]
    head = ['<meta charset="utf-8">', f"<title>{esc(t)} - Le Matin</title>",
            meta("og:title", t), meta("og:site_name", "Le Matin"),
            meta("og:type", "article")]
    menu = ["Nation", "Économie", "Sports", "Monde", "Culture", "Régions", "Le Matin TV"]
    body = f"""<header><a class="logo" href="/">Le Matin</a><nav>{ul(menu)}</nav></header>
<div class="flash"><span>Flash info</span> {" ".join(f'<a href="#">{esc(h)}</a>' for h in p["ticker"])}</div>
<main><article>
<div class="rubrique">{esc(p['section'])}</div>
<h1>{esc(t)}</h1>
<p class="author">{esc(byline)}</p>
<p class="date">{esc(dateline)}</p>
{paras_html(p["paras"], p["related"][0])}
<div class="share">Partager : Facebook Twitter LinkedIn WhatsApp</div>
</article>
<aside><h3>Articles similaires</h3>{ul(p["related"])}</aside></main>
<footer>© Le Matin {pub.year} - Tous droits réservés</footer>"""
    return "html", html_page(head, body)


# -- Médias24: "Par Karim B. | Médias24", "Medias24 le vendredi ..." -------

def r_medias24(p):
    t, pub, upd, i = p["title"], p["pub"], p["upd"], p["idx"]
    author = "La rédaction" if i in (2, 7) else byline_initial(p["author"])
    byline = f"Par {author} | Médias24"
    if i >= 6:
        head = ['<meta charset="utf-8">', f"<title>{esc(t)} - Médias24</title>",
                '<meta name="viewport" content="width=device-width">']
        body = f"""<header><div class="logo">Médias24</div><nav>{ul(["Économie", "Finances", "Politique", "Société", "Immobilier", "Sport"])}</nav></header>
<div class="article-header">
<span class="rubrique">{esc(p['section'].upper())}</span>
<h1>{esc(t)}</h1>
<div class="auteur">{esc(byline)}</div>
<div class="date-publication">Le {fr_long_day(pub)} à {hm(pub, 'h')}</div>
</div>
<div class="article-body">
{paras_html(p["paras"], p["related"][0], label="Lire aussi")}
</div>
<div class="partage">Partager l’article</div>
<div class="a-lire"><h3>Ces articles devraient vous intéresser :</h3>{ul(p["related"])}</div>
<footer>© Médias24 {pub.year}. Tous droits réservés.</footer>"""
        return "html", html_page(head, body)
    dateline = {3: f"Le {fr_long_day(pub)} à {hm(pub, 'h')}",
                5: f"Publié le {num(pub)} à {hm(pub, 'h')}"}.get(
        i, f"Medias24 le {fr_long_day(pub)} à {hm(pub, 'h')}")
    lines = [
        "Médias24",
        "Accueil", "Économie", "Finances", "Politique", "Société", "Immobilier",
        "Sport", "Opinions", "S’abonner", "Connexion",
        "",
        p["section"].upper(),
        t,
        byline,
        dateline,
        f"Mis à jour le {fr_long_day(upd)} à {hm(upd, 'h')}" if upd else None,
        "",
        *spaced(paras_text(p["paras"], p["related"][0], label="Lire aussi : ")),
        "Partager l’article",
        "Facebook LinkedIn X WhatsApp",
        "Ces articles devraient vous intéresser :",
        p["related"][1],
        p["ticker"][1],
        "",
        f"© Médias24 {pub.year}. Tous droits réservés.",
    ]
    return "txt", text_page(lines)


# -- TelQuel: only <title> (with the site's name) and <time datetime> -----

def r_telquel(p):
    rng, t, pub, upd, i = p["rng"], p["title"], p["pub"], p["upd"], p["idx"]
    title = f"{t} – TelQuel" if i % 3 else f"{t} - TelQuel.ma"
    head = ['<meta charset="utf-8">', f"<title>{esc(title)}</title>",
            '<link rel="stylesheet" href="/wp-content/themes/telquel/style.css">']
    wrap = "header" if i % 2 == 0 else "div"
    updated = (f'<time class="updated" datetime="{iso(upd)}">Mis à jour le {fr_long(upd)} à {hm(upd, "h")}</time> '
               if upd and i in (1, 4, 7) else "")
    trending = " ".join(f'<a href="#">{esc(x)}</a>' for x in rng.sample(
        ["Botola", "Marrakech", "Dakhla", "Élections", "Sécheresse", "Mondial 2030", "Inflation"], 3))
    body = f"""<header class="header"><a class="logo" href="/">TelQuel</a>
<nav>{ul(["Politique", "Économie", "Société", "Culture", "Sport", "Monde", "Le Mag"])}</nav></header>
<div class="trending"><span>Tendances</span> {trending}</div>
<main><article class="post">
<{wrap} class="entry-header">
<a class="category" href="#">{esc(p['section'])}</a>
<h1 class="entry-title">{esc(t)}</h1>
<div class="entry-meta"><span class="author">Par {esc(p['author'])}</span> {updated}<time class="published" datetime="{iso(pub)}">Le {fr_long(pub)} à {hm(pub, 'h')}</time></div>
</{wrap}>
<div class="entry-content">
{paras_html(p["paras"], p["related"][0], label="À lire aussi :")}
</div>
<div class="newsletter">Inscrivez-vous à la newsletter de TelQuel</div>
</article>
<section class="more"><h2>Les plus lus</h2>{ul(p["ticker"])}</section></main>
<footer><p>© TelQuel {pub.year}</p></footer>"""
    return "html", html_page(head, body)


# -- Le Desk: JSON-LD only; a paywall on some pages ------------------------

def r_le_desk(p):
    t, pub, upd, i = p["title"], p["pub"], p["upd"], p["idx"]
    url = f"https://ledesk.ma/{slugify(p['section'])}/{slugify(t)}/"
    head = ['<meta charset="utf-8">', f"<title>Le Desk - {esc(t)}</title>",
            json_ld(p, "Le Desk", url)]
    premium = i in (1, 4, 8)
    if i in (0, 5, 9):
        date = f"Le Desk | {num(pub, '.')} à {hm(pub)}"
    elif upd:
        date = f"Publié le {num(pub, '.')} à {hm(pub)} | Mis à jour le {num(upd, '.')} à {hm(upd)}"
    else:
        date = f"{num(pub, '.')} à {hm(pub)}"
    paras = p["paras"][:2] if premium else p["paras"]
    paywall = ('<div class="paywall"><p>Il vous reste 70 % de cet article à lire.</p>'
               '<p>Abonnez-vous pour lire la suite.</p></div>') if premium else ""
    body = f"""<div class="masthead"><div class="brand">Le Desk</div>
{ul(["Enquêtes", "Économie", "Politique", "Société", "Monde", "Tech", "Culture"], "menu")}</div>
<article>
<div class="kicker">{esc(p['section'].upper())}</div>
{'<span class="badge">Abonnés</span>' if premium else ''}
<h1>{esc(t)}</h1>
<div class="meta">Par {esc(p['author'])}</div>
<div class="date">{date}</div>
{paras_html(paras)}
{paywall}
</article>
<div class="related"><h3>À lire aussi</h3>{ul(p["related"])}</div>
<div class="footer-links">Qui sommes-nous · Contact · Abonnement</div>"""
    return "html", html_page(head, body)


# -- H24info: plain text, the date above the headline ---------------------

def r_h24info(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    date = [f"{fr_long(pub)} - {hm(pub)}", f"{num(pub)} {hm(pub, 'h')}",
            f"Le {fr_long(pub)} à {hm(pub)}"][i % 3]
    above = i not in (2, 5, 8)
    author = "Par H24info" if i % 4 == 0 else f"Par {p['author']}"
    lines = [
        "H24info",
        "Menu",
        "Accueil", "Actualité", "Politique", "Économie", "Société", "Sport",
        "Culture", "Vidéos", "Rechercher",
        "",
        p["section"],
        date if above else None,
        t,
        author,
        None if above else date,
        "",
        *spaced(paras_text(p["paras"], p["related"][0], label="Lire aussi: ")),
        "Tags",
        p["section"], "Maroc",
        "",
        "Les plus lus",
        *p["ticker"],
        "",
        f"H24info © {pub.year}. Tous droits réservés.",
    ]
    return "txt", text_page(lines)


# -- TSA: og:* with the time in UTC; an older template with the update first

def r_tsa(p):
    t, pub, upd, i = p["title"], p["pub"], p["upd"], p["idx"]
    menu = ["Actualité", "Économie", "Politique", "International", "Sport", "Culture", "Auto"]
    if i < 6:
        head = ['<meta charset="utf-8">', f"<title>{esc(t)} - TSA</title>",
                meta("og:title", t), meta("og:site_name", "TSA"),
                meta("og:type", "article"),
                meta("article:published_time", iso_utc(pub)),
                meta("article:modified_time", iso_utc(upd)) if upd else None]
        date = f"Publié le {fr_title_case(pub, weekday=False)} à {hm(pub)}"
        if upd:
            date += f" — Mis à jour le {fr_title_case(upd, weekday=False)} à {hm(upd)}"
        meta_line = f'<div class="article-meta">Par {esc(p["author"])} — {date}</div>'
    else:
        head = ['<meta charset="utf-8">', f"<title>{esc(t)} | TSA</title>"]
        meta_line = (f'<div class="article-author">Par {esc(p["author"])}</div>'
                     f'<div class="article-date">Mis à jour le {fr_long(upd)} à {hm(upd)}'
                     f' - Publié le {fr_long(pub)} à {hm(pub)}</div>')
    body = f"""<header><a class="logo" href="/">TSA</a><nav>{ul(menu)}</nav></header>
<div class="top-stories"><span>À la une</span>{ul(p["ticker"][:3])}</div>
<main><article>
<h1>{esc(t)}</h1>
{meta_line}
{paras_html(p["paras"], p["related"][0], label="À lire aussi :")}
</article>
<aside><h4>Les plus lus</h4>{ul(p["related"])}</aside></main>
<footer>© TSA {pub.year} — Tous droits réservés</footer>"""
    return "html", html_page(head, body)


# -- El Watan: plain text, "Publié le ... - Mis à jour le ..." -------------

def r_el_watan(p):
    rng, t, pub, upd, i = p["rng"], p["title"], p["pub"], p["upd"], p["idx"]
    pub_s = f"Publié le {num(pub)} à {hm(pub, 'h')}"
    if i in (4, 8):
        dateline = [f"Mis à jour le {num(upd)} à {hm(upd, 'h')}", pub_s]
    elif i in (2, 7):
        dateline = [pub_s]
    elif i == 9:
        dateline = [fr_long(pub)]
    else:
        dateline = [f"{pub_s} - Mis à jour le {num(upd)} à {hm(upd, 'h')}"]
    author = p["author"] if i % 3 else f"Par {p['author']}"
    before = i % 2 == 0
    comments = []
    for who, what in comments_fr(rng, rng.randint(1, 2)):
        comments += [who, what, ""]
    lines = [
        "El Watan",
        "Actualité", "Économie", "International", "Sports", "Culture",
        "Régions", "Contributions", "Édition PDF",
        "",
        p["section"],
        t,
        author if before else None,
        *dateline,
        None if before else author,
        "",
        *spaced(paras_text(p["paras"], p["related"][0])),
        "Partager",
        "",
        f"Commentaires ({len(comments) // 3})",
        *comments,
        "Ajouter un commentaire",
        "",
        f"El Watan © {pub.year} - Tous droits réservés",
    ]
    return "txt", text_page(lines)


# -- Kapitalis: WordPress HTML, and plain-text saves ----------------------

def r_kapitalis(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    author = p["author"]
    if i < 5:
        head = ['<meta charset="UTF-8">',
                f"<title>{wp_entities(t)} | Kapitalis</title>",
                '<meta name="generator" content="WordPress 6.4.2">',
                meta("og:locale", "fr_FR"), meta("og:type", "article"),
                meta("og:title", t), meta("og:site_name", "Kapitalis"),
                meta("article:published_time", iso(pub))]
        today = pub + dt.timedelta(days=p["rng"].randint(0, 3))
        body = f"""<div id="top-bar">{cap(fr_long_day(today))}</div>
<header id="masthead"><div class="site-title">Kapitalis</div><nav>{ul(["Tunisie", "Économie", "Maghreb", "Monde", "Culture", "Opinions", "Sport"])}</nav></header>
<div class="site-content"><article class="post">
<h1 class="entry-title">{wp_entities(t)}</h1>
<div class="entry-meta"><span class="posted-on">Publié le <time class="entry-date published" datetime="{iso(pub)}">{fr_long(pub)}</time></span> <span class="byline">par {esc(author)}</span></div>
<div class="entry-content">
{paras_html(p["paras"], enc=wp_entities)}
<p><em>{esc(author)}</em></p>
</div>
<div class="sharedaddy"><h3>Partager :</h3>{ul(["Facebook", "X", "WhatsApp", "E-mail"])}</div>
<div class="jp-relatedposts"><h3>Articles liés</h3>{ul(p["related"])}</div>
</article>
<div id="comments"><h3 id="reply-title">Laisser un commentaire</h3>
<form><p>Votre adresse e-mail ne sera pas publiée.</p><textarea></textarea></form></div>
</div>
<footer>© Kapitalis {pub.year}</footer>"""
        return "html", html_page(head, body)
    dateline = {5: f"{fr_long(pub)} | {author}", 6: f"Par {author} - {fr_long(pub)}",
                7: f"Kapitalis - {fr_long(pub)}", 8: f"Publié le {num(pub)} à {hm(pub)}"}.get(
        i, fr_long(pub))
    lines = [
        "Kapitalis",
        "Accueil", "Tunisie", "Économie", "Maghreb", "Monde", "Culture",
        "Opinions", "Sport",
        "",
        t,
        dateline,
        "",
        *spaced(p["paras"]),
        author,
        "",
        "Partager :",
        "Facebook", "X", "WhatsApp",
        "",
        "Articles liés",
        *p["related"],
        "",
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Commentaire *",
        "Nom *",
        f"© Kapitalis {pub.year}",
    ]
    return "txt", text_page(lines)


# -- Hespress (Arabic): full metadata --------------------------------------

def r_hespress_ar(p):
    rng, t, pub, upd, i = p["rng"], p["title"], p["pub"], p["upd"], p["idx"]
    url = f"https://www.hespress.com/{slugify(p['key'])}-{1200000 + i * 4051}.html"
    head = ['<meta charset="utf-8">', f"<title>{esc(t)} | هسبريس</title>",
            meta("og:title", t), meta("og:site_name", "هسبريس"),
            meta("og:url", url), meta("og:type", "article"),
            meta("article:published_time", iso(pub)),
            meta("article:modified_time", iso(upd)) if upd else None,
            f'<link rel="canonical" href="{url}">', json_ld(p, "هسبريس", url)]
    if i in (2, 6):
        when = f"{AR_DAYS[pub.weekday()]} {hijri_text(pub.date())} الموافق {ar_long(pub, 'MA')} - {hm(pub)}"
    else:
        when = f"{ar_long(pub, 'MA', weekday=True)} - {hm(pub)}"
    updated = (f'<span class="updated">تحديث: {ar_long(upd, "MA")} - {hm(upd)}</span>'
               if upd else "")
    comments = "".join(f'<div class="comment"><span class="name">{esc(a)}</span><p>{esc(c)}</p></div>'
                       for a, c in comments_ar(rng, rng.randint(1, 4)))
    body = f"""<header><a class="logo" href="/">هسبريس</a><nav>{ul(["سياسة", "اقتصاد", "مجتمع", "جهات", "رياضة", "فن وثقافة", "تكنولوجيا", "كتاب وآراء"])}</nav></header>
<div class="breaking"><span>عاجل</span>{ul(p["ticker"][:3])}</div>
<main><article>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="#">{esc(p['section'])}</a></div>
<h1 class="post-title">{esc(t)}</h1>
<div class="post-meta"><span class="author">هسبريس - {esc(p['author'])}</span> <span class="date">{when}</span> {updated}</div>
<div class="share">مشاركة</div>
<div class="article-content">
{paras_html(p["paras"], p["related"][0], label="اقرأ أيضا:")}
</div>
<div class="tags"><span>الوسوم</span> <a href="#">{esc(p['section'])}</a> <a href="#">المغرب</a></div>
</article>
<section class="comments"><h3>التعليقات</h3>{comments}</section>
<aside><h3>مقالات ذات صلة</h3>{ul(p["related"])}</aside></main>
<footer>جميع الحقوق محفوظة © هسبريس {pub.year}</footer>"""
    return "html", html_page(head, body, lang="ar")


# -- Alyaoum24: plain text, "بقلم: ..." between the title and the date -----

def r_alyaoum24(p):
    rng, t, pub, i = p["rng"], p["title"], p["pub"], p["idx"]
    byline = {1: f"اليوم 24 - {p['author']}", 5: f"اليوم 24 - {p['author']}",
              3: p["author"], 7: p["author"]}.get(i, f"بقلم: {p['author']}")
    date = [f"{ar_long(pub, 'MA', weekday=True)} - {hm(pub)}",
            f"{ar_long(pub, 'MA')} | {hm(pub)}",
            pub.strftime("%Y-%m-%d %H:%M")][i % 3]
    after = i in (4, 9)
    comments = []
    for who, what in comments_ar(rng, rng.randint(1, 3)):
        comments += [who, what]
    lines = [
        "اليوم 24",
        "الرئيسية", "سياسة", "اقتصاد", "مجتمع", "رياضة", "فن", "دولي", "رأي",
        "",
        t,
        date if after else byline,
        byline if after else date,
        "",
        *spaced(paras_text(p["paras"], p["related"][0], label="اقرأ أيضا: ")),
        "شارك",
        "فيسبوك", "تويتر", "واتساب",
        "",
        "التعليقات",
        *comments,
        "أضف تعليقا",
        "",
        f"جميع الحقوق محفوظة © اليوم 24 - {pub.year}",
    ]
    return "txt", text_page(lines)


# -- Barlamane: HTML without metadata; the headline in a <div>; today's date
#    in the top bar of some saves ------------------------------------------

def r_barlamane(p):
    rng, t, pub, i = p["rng"], p["title"], p["pub"], p["idx"]
    head = ['<meta charset="utf-8">',
            f"<title>{esc(t)} - برلمان.كوم</title>" if i in (1, 5, 9) else None]
    scraped = pub + dt.timedelta(days=rng.randint(1, 6))
    top = (f'<div class="top-bar"><span class="today">{ar_long(scraped, "MA", weekday=True)}</span>'
           f' <span class="weather">الرباط {rng.randint(14, 33)}°</span></div>') if i % 2 == 0 else ""
    author = "برلمان.كوم" if i in (3, 6) else p["author"]
    date = f"{num(pub)} - {hm(pub)}" if i % 3 else f"{ar_long(pub, 'MA')} - {hm(pub)}"
    menu = ["الرئيسية", "سياسة", "مجتمع", "اقتصاد", "رياضة", "دولي", "فيديو"]
    lis = "".join(f"<li>{esc(m)}</li>" for m in menu)
    paras = "\n".join(f"<p>{esc(x)}</p>" for x in p["paras"])
    rel = "".join(f"<li>{esc(x)}</li>" for x in p["related"])
    body = f"""{top}
<div class="site-logo"><a href="/">برلمان.كوم</a></div>
<div class="main-menu"><ul>{lis}</ul></div>
<div class="content">
<div class="post-cat">{esc(p['section'])}</div>
<div class="post-title">{esc(t)}</div>
<div class="post-author">بقلم: {esc(author)}</div>
<div class="post-date">{date}</div>
<div class="post-body">
{paras}
</div>
<div class="share">شارك المقال</div>
<div class="related"><div class="related-title">مقالات ذات صلة</div><ul>{rel}</ul></div>
</div>
<div class="footer-copy">© برلمان.كوم {pub.year} جميع الحقوق محفوظة</div>"""
    return "html", html_page(head, body, lang="ar")


# -- Goud: plain text, "حرر بواسطة ..." ------------------------------------

def r_goud(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    byline = {1: f"كود ـ {p['author']}", 5: f"كود ـ {p['author']}", 9: f"كود ـ {p['author']}",
              3: None, 7: None}.get(i, f"حرر بواسطة {p['author']}")
    if i == 7:
        date = None
        p["truth_date"] = None
    elif i % 2:
        date = f"{num(pub)} على الساعة {hm(pub)}"
    else:
        date = f"{ar_long(pub, 'MA', weekday=True)} - {hm(pub)}"
    lines = [
        "كود",
        "Goud.ma",
        "الرئيسية", "كود سبور", "كود تيفي", "سياسة", "مجتمع", "اقتصاد", "فن",
        "",
        t,
        byline,
        date,
        "",
        *spaced(p["paras"]),
        "تابعوا آخر الأخبار من كود على Google News",
        "شارك",
        "",
        "الأكثر قراءة",
        *p["ticker"],
        "",
        f"كود © {pub.year} جميع الحقوق محفوظة",
    ]
    return "txt", text_page(lines)


# -- Echorouk: og:* HTML with the Hijri date beside the Gregorian one; text
#    saves under a daily-digest line ---------------------------------------

def echorouk_date(pub, i):
    if i % 3 == 0:
        return (f"{AR_DAYS[pub.weekday()]} {hijri_text(pub.date())} "
                f"الموافق لـ {ar_long(pub, 'DZ')}")
    if i % 3 == 1:
        return f"{pub:%Y/%m/%d} {hm(pub)}"
    return f"{ar_long(pub, 'DZ')} - {hm(pub)}"


def r_echorouk(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    date = echorouk_date(pub, i)
    menu = ["الجزائر", "العالم", "اقتصاد", "رياضة", "ثقافة", "مجتمع", "آراء"]
    if i < 7:
        head = ['<meta charset="utf-8">', f"<title>{esc(t)} | الشروق أونلاين</title>",
                meta("og:title", t), meta("og:site_name", "الشروق أونلاين"),
                meta("og:type", "article"),
                meta("article:published_time", iso(pub))]
        ticker = " ".join(f'<a href="#">{esc(h)}</a>' for h in p["ticker"][:3])
        body = f"""<header><a class="logo" href="/">الشروق أونلاين</a><nav>{ul(menu)}</nav></header>
<div class="ticker"><span>آخر الأخبار</span> {ticker}</div>
<main><article>
<h1>{esc(t)}</h1>
<div class="article-author">{esc(p['author'])}</div>
<div class="article-date">{date}</div>
{paras_html(p["paras"], p["related"][0], label="اقرأ أيضا:")}
<div class="share">شارك</div>
</article>
<aside><h3>الأكثر قراءة</h3>{ul(p["related"])}</aside></main>
<footer>جميع الحقوق محفوظة © الشروق أونلاين {pub.year}</footer>"""
        return "html", html_page(head, body, lang="ar")
    lines = [
        "الشروق أونلاين",
        "الرئيسية", *menu,
        "",
        f"أبرز أخبار {ar_long(pub, 'DZ', weekday=True)}",
        t,
        p["author"],
        date,
        "",
        *spaced(p["paras"]),
        "شارك",
        "",
        "الأكثر قراءة",
        *p["related"],
        "",
        f"جميع الحقوق محفوظة © الشروق أونلاين {pub.year}",
    ]
    return "txt", text_page(lines)


# -- Jawhara FM: plain text, a Latin logo, Arabic-Indic digits in some dates

def r_jawhara(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    if i == 6:
        date = None
        p["truth_date"] = None
    elif i in (2, 5, 8):
        date = f"{indic(num(pub))} - {indic(hm(pub))}"
    elif i in (1, 9):
        date = pub.strftime("%Y-%m-%dT%H:%M")
    elif i % 2:
        date = f"{num(pub)} {hm(pub)}"
    else:
        date = ar_long(pub, "TN", weekday=True)
    author = f"جوهرة أف أم - {p['author']}" if i in (0, 3) else p["author"]
    before = i in (1, 4, 7)
    lines = [
        "Jawhara FM",
        "الرئيسية", "أخبار", "وطنية", "جهوية", "عالمية", "رياضة", "ثقافة",
        "بودكاست", "البث المباشر",
        "",
        t,
        author if before else None,
        date,
        None if before else author,
        "",
        *spaced(p["paras"]),
        "مقالات ذات صلة",
        *p["related"],
        "",
        f"Jawhara FM © {pub.year}",
    ]
    return "txt", text_page(lines)


# -- Al Massae: plain text of the print edition, the date only in the
#    edition line ----------------------------------------------------------

def r_al_massae(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    number = 2600 + (pub.date() - dt.date(2014, 1, 1)).days * 6 // 7
    if i % 3 == 1:
        edition = (f"العدد {number} | {AR_DAYS[pub.weekday()]} {hijri_text(pub.date())} "
                   f"الموافق {ar_long(pub, 'MA')}")
    else:
        edition = f"العدد {number} - {ar_long(pub, 'MA', weekday=True)}"
    lines = [
        "المساء",
        "الرئيسية", "سياسة", "مجتمع", "اقتصاد", "رياضة", "ثقافة", "كتاب الرأي",
        "",
        edition,
        p["section"],
        t,
        p["author"],
        "",
        *spaced(p["paras"]),
        f"نشر في المساء يوم {num(pub, ' - ')}" if i % 4 == 0 else None,
        "",
        f"المساء © {pub.year}",
    ]
    return "txt", text_page(lines)


# -- Hibapress: <title> and <h1> are the site's name; the headline is an <h2>

def r_hibapress(p):
    t, pub, i = p["title"], p["pub"], p["idx"]
    digits = indic if i % 2 == 0 else str
    date = f"{ar_long(pub, 'MA', digits=digits)} - {digits(hm(pub))}"
    head = ['<meta charset="utf-8">', "<title>هبة بريس</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if i in (3, 7):
        post_meta = (f'<div class="post-author">هبة بريس - {esc(p["author"])}</div>'
                     f'<div class="post-date">{date}</div>')
    else:
        post_meta = (f'<div class="post-meta"><span>هبة بريس - {esc(p["author"])}</span> '
                     f'<span class="post-date">{date}</span></div>')
    body = f"""<div class="header-top"><div class="logo"><h1><a href="/">هبة بريس</a></h1></div>
<div class="slogan">جريدة إلكترونية مغربية</div></div>
<nav>{ul(["الرئيسية", "وطنية", "جهوية", "رياضة", "اقتصاد", "فن", "دولية"])}</nav>
<div class="container"><div class="post">
<div class="post-cat"><a href="#">{esc(p['section'])}</a></div>
<h2 class="post-title">{esc(t)}</h2>
{post_meta}
<div class="post-content">
{paras_html(p["paras"])}
</div>
<div class="share">شارك على فيسبوك | شارك على واتساب</div>
<div class="related"><h3>أخبار ذات صلة</h3>{ul(p["related"])}</div>
</div></div>
<footer>جميع الحقوق محفوظة © هبة بريس {pub.year}</footer>"""
    return "html", html_page(head, body, lang="ar")


# slug, language, country, canonical source, years, straight-apostrophe
# share, guillemets, renderer
LAYOUTS = [
    dict(slug="hespress-fr", lang="fr", country="MA", source="Hespress FR", years=(2023, 2025), straight=0.0, upd={1, 4, 6, 9}, render=r_hespress_fr),
    dict(slug="le360", lang="fr", country="MA", source="Le360", years=(2022, 2025), straight=0.1, upd={0, 3, 5, 8}, render=r_le360),
    dict(slug="le-matin", lang="fr", country="MA", source="Le Matin", years=(2021, 2025), straight=0.7, upd={1, 4, 7}, render=r_le_matin),
    dict(slug="medias24", lang="fr", country="MA", source="Médias24", years=(2020, 2025), straight=0.3, upd={0, 4}, render=r_medias24),
    dict(slug="telquel", lang="fr", country="MA", source="TelQuel", years=(2019, 2025), straight=0.0, upd={1, 2, 4, 7}, quotes="nbsp", render=r_telquel),
    dict(slug="le-desk", lang="fr", country="MA", source="Le Desk", years=(2021, 2025), straight=0.2, upd={2, 3, 6, 7}, quotes="nbsp", render=r_le_desk),
    dict(slug="h24info", lang="fr", country="MA", source="H24info", years=(2018, 2024), straight=0.5, quotes="straight", render=r_h24info),
    dict(slug="tsa", lang="fr", country="DZ", source="TSA", years=(2022, 2025), straight=0.4, upd={0, 2, 3, 5, 6, 7, 8, 9}, midnight={1, 4}, render=r_tsa),
    dict(slug="el-watan", lang="fr", country="DZ", source="El Watan", years=(2019, 2024), straight=0.5, upd={0, 1, 3, 4, 5, 6, 8}, render=r_el_watan),
    dict(slug="kapitalis", lang="fr", country="TN", source="Kapitalis", years=(2018, 2025), straight=0.3, render=r_kapitalis),
    dict(slug="hespress-ar", lang="ar", country="MA", source="هسبريس", years=(2020, 2025), upd={0, 3, 7}, render=r_hespress_ar),
    dict(slug="alyaoum24", lang="ar", country="MA", source="اليوم 24", years=(2018, 2023), render=r_alyaoum24),
    dict(slug="barlamane", lang="ar", country="MA", source="برلمان.كوم", years=(2020, 2025), render=r_barlamane),
    dict(slug="goud", lang="ar", country="MA", source="كود", years=(2019, 2025), render=r_goud),
    dict(slug="echorouk", lang="ar", country="DZ", source="الشروق أونلاين", years=(2016, 2019), render=r_echorouk),
    dict(slug="jawhara-fm", lang="ar", country="TN", source="Jawhara FM", years=(2019, 2025), render=r_jawhara),
    dict(slug="al-massae", lang="ar", country="MA", source="المساء", years=(2015, 2019), render=r_al_massae),
    dict(slug="hibapress", lang="ar", country="MA", source="هبة بريس", years=(2021, 2025), render=r_hibapress),
]


# --------------------------------------------------------------------------
# Pages that are not articles
# --------------------------------------------------------------------------

def na_titres_du_jour(rng):
    day = dt.datetime(2025, 5, 15, 6, 0)
    heads = rng.sample(FR_TICKER, 8)
    lines = [
        "Le Matin",
        "Accueil | Nation | Économie | Sports | Monde | Culture | Régions | Le Matin TV",
        "",
        "Les titres du jour",
        f"Édition du {cap(fr_long_day(day))}",
        "",
        "À la une", heads[0], heads[1], "",
        "Nation", heads[2], heads[3], "",
        "Économie", heads[4], heads[5], "",
        "Sports", heads[6], heads[7], "",
        f"© Le Matin {day.year} - Tous droits réservés",
    ]
    return "txt", text_page(lines)


def na_edition_echorouk(rng):
    day = dt.datetime(2017, 3, 9, 7, 0)
    label = f"أبرز أخبار {ar_long(day, 'DZ', weekday=True)}"
    items = "\n".join(
        f'<div class="item"><h3><a href="#">{esc(h)}</a></h3><span class="time">{hm(day.replace(hour=7 + k))}</span></div>'
        for k, h in enumerate(rng.sample(AR_TICKER, 8)))
    head = ['<meta charset="utf-8">', f"<title>{esc(label)} | الشروق أونلاين</title>",
            meta("og:title", label), meta("og:site_name", "الشروق أونلاين"),
            meta("article:published_time", iso(day))]
    body = f"""<header><a class="logo" href="/">الشروق أونلاين</a><nav>{ul(["الجزائر", "العالم", "اقتصاد", "رياضة"])}</nav></header>
<main><h1>{esc(label)}</h1>
<div class="digest">
{items}
</div></main>
<footer>جميع الحقوق محفوظة © الشروق أونلاين 2017</footer>"""
    return "html", html_page(head, body, lang="ar")


def na_kapitalis_empty(rng):
    head = ['<meta charset="UTF-8">', "<title>Kapitalis</title>",
            meta("og:site_name", "Kapitalis"),
            '<script src="/wp-includes/js/app.min.js" defer></script>']
    body = f"""<header id="masthead"><div class="site-title">Kapitalis</div><nav>{ul(["Tunisie", "Économie", "Maghreb", "Monde"])}</nav></header>
<div id="cookie-notice">Ce site utilise des cookies pour améliorer votre expérience de navigation. <a href="#">Accepter</a> <a href="#">En savoir plus</a></div>
<div id="app"></div>
<noscript>Veuillez activer JavaScript pour afficher cette page.</noscript>
<footer>© Kapitalis</footer>"""
    return "html", html_page(head, body)


def na_hespress_tag(rng):
    lines = ["هسبريس", "الرئيسية", "سياسة", "اقتصاد", "مجتمع", "رياضة", "فن وثقافة", "",
             "آخر الأخبار"]
    for k, h in enumerate(rng.sample(AR_TICKER, 8)):
        lines += [h, f"منذ {k + 3} ساعات", ""]
    lines += ["تحميل المزيد", "", "جميع الحقوق محفوظة © هسبريس 2025"]
    return "txt", text_page(lines)


def na_tsv_dump(rng):
    stations = ["Casablanca", "Rabat", "Fès", "Marrakech", "Tanger", "Agadir",
                "Oujda", "Alger", "Oran", "Tunis", "Sfax"]
    rows = ["date\tstation\tpays\ttmax_c\ttmin_c\tprecip_mm\tvent_kmh"]
    day = dt.date(2024, 1, 1)
    for k in range(90):
        st = stations[k % len(stations)]
        country = "DZ" if st in ("Alger", "Oran") else "TN" if st in ("Tunis", "Sfax") else "MA"
        tmax = rng.randint(140, 260) / 10
        rows.append(f"{day + dt.timedelta(days=k // len(stations))}\t{st}\t{country}\t"
                    f"{tmax:.1f}\t{tmax - rng.randint(60, 120) / 10:.1f}\t"
                    f"{rng.choice([0, 0, 0, rng.randint(1, 300) / 10]):.1f}\t{rng.randint(5, 45)}")
    return "txt", "\n".join(rows) + "\n"


def na_scraper_log(rng):
    outlets = [("fr.hespress.com", "economie"), ("www.lematin.ma", "nation"),
               ("www.h24info.ma", "actu"), ("www.elwatan-dz.com", "actualite"),
               ("www.alyaoum24.com", "news"), ("www.kapitalis.com", "tunisie")]
    lines = ["timestamp,level,host,url,status,bytes,elapsed_ms"]
    t = dt.datetime(2025, 5, 12, 10, 30, 0)
    for k in range(60):
        host, path = rng.choice(outlets)
        status = rng.choice([200] * 8 + [301, 404, 503])
        level = "INFO" if status == 200 else "WARN" if status in (301, 404) else "ERROR"
        t += dt.timedelta(seconds=rng.randint(1, 9))
        size = rng.randint(20000, 180000) if status == 200 else 0
        lines.append(f"{t:%Y-%m-%d %H:%M:%S},{level},{host},https://{host}/{path}/{rng.randint(10000, 99999)}.html,"
                     f"{status},{size},{rng.randint(80, 2400)}")
    return "txt", "\n".join(lines) + "\n"


def na_loading(rng):
    return "txt", "\n\n   \nChargement en cours…\n\n\nVeuillez patienter\n\n"


def na_url_list(rng):
    lines = ["Plan du site - page 1 sur 3", ""]
    for k in range(30):
        lines.append(f"https://www.example-actu.ma/{rng.choice(['politique', 'economie', 'societe', 'sport'])}/"
                     f"{rng.randint(100000, 999999)}.html")
    lines += ["", "Page suivante »"]
    return "txt", "\n".join(lines) + "\n"


# path (relative to corpus/), generator
NON_ARTICLES = [
    ("le-matin/011", na_titres_du_jour),
    ("echorouk/011", na_edition_echorouk),
    ("kapitalis/011", na_kapitalis_empty),
    ("hespress-ar/011", na_hespress_tag),
    ("divers/001", na_tsv_dump),
    ("divers/002", na_scraper_log),
    ("divers/003", na_loading),
    ("divers/004", na_url_list),
]


# --------------------------------------------------------------------------
# Building the set
# --------------------------------------------------------------------------

PAGES_PER_LAYOUT = 10


def seed(name):
    return zlib.crc32(name.encode("utf-8"))


def random_datetime(rng, years):
    first = dt.date(years[0], 1, 1)
    last = dt.date(years[1], 6, 30)
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 22), rng.randint(0, 59))


def build_layout(layout):
    rng = random.Random(seed(layout["slug"]))
    lang, country = layout["lang"], layout["country"]
    pool = FR_TOPICS if lang == "fr" else AR_TOPICS
    topics = rng.sample([t for t in pool if country in t["countries"]], PAGES_PER_LAYOUT)
    ticker_pool = FR_TICKER if lang == "fr" else AR_TICKER
    pages = []
    for i, topic in enumerate(topics):
        pub = random_datetime(rng, layout["years"])
        if i in layout.get("midnight", ()):
            pub = pub.replace(hour=0, minute=rng.randint(5, 55))
        upd = None
        if i in layout.get("upd", ()):
            upd = pub + dt.timedelta(hours=rng.randint(2, 30), minutes=rng.randint(0, 59))
        story = make_story(lang, country, topic, rng, pub)
        straight = rng.random() < layout.get("straight", 0.0)
        quotes = layout.get("quotes")
        if lang == "fr":
            author = fr_name(rng)
        else:
            author = ar_name(rng, female=rng.random() < 0.35)
        pages.append(dict(
            idx=i, lang=lang, country=country, key=story["key"],
            title=typeset(story["title"], straight, quotes),
            paras=[typeset(x, straight, quotes) for x in story["paras"]],
            section=story["section"], pub=pub, upd=upd, author=author,
            ticker=rng.sample(ticker_pool, 4),
            rng=random.Random(seed(f"{layout['slug']}/{i}")),
            truth_date=pub.date(),
            straight=straight, quotes=quotes,
        ))
    # Related links: the next page of the set and a headline that is none of
    # its pages, so that a page's own headline shows bare on two pages only
    # (its own and one other), under the three a line needs to be learned as
    # boilerplate.
    for i, p in enumerate(pages):
        p["related"] = [pages[(i + 1) % len(pages)]["title"], p["ticker"][3]]
    return pages


def clean(s):
    return " ".join(s.split())


def main():
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    truth = ["path\ttitle\tdate\tsource\tarticle"]
    files = 0
    for layout in LAYOUTS:
        folder = CORPUS / layout["slug"]
        folder.mkdir(parents=True)
        for p in build_layout(layout):
            ext, text = layout["render"](p)
            name = f"{p['idx'] + 1:03d}.{ext}"
            (folder / name).write_text(text, encoding="utf-8")
            files += 1
            date = p["truth_date"].isoformat() if p["truth_date"] else ""
            truth.append(f"{layout['slug']}/{name}\t{clean(p['title'])}\t{date}\t{layout['source']}\tyes")
    for path, make in NON_ARTICLES:
        ext, text = make(random.Random(seed(path)))
        target = CORPUS / f"{path}.{ext}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        files += 1
        truth.append(f"{path}.{ext}\t\t\t\tno")
    header, rows = truth[0], sorted(truth[1:])
    TRUTH.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{files} files in {CORPUS}, truth in {TRUTH}")


if __name__ == "__main__":
    main()
