"""The demo wiki's articles: what parents in Mülheim would write down for each other (invented, but plausible)."""

CATEGORIES = [
    ("Behörden & Geld", "behoerden-geld", "Anträge, Leistungen und Fristen – so hat es bei uns geklappt."),
    ("Schwangerschaft & Geburt", "schwangerschaft-geburt", "Hebammen, Kliniken und die ersten Wochen."),
    ("Baby & Kleinkind", "baby-kleinkind", "Schlafen, Essen, Spielen im ersten Jahren."),
    ("Kita & Schule", "kita-schule", "Kita-Suche, Eingewöhnung, Grundschule und OGS."),
    ("Gesundheit", "gesundheit", "Kinderärzte, Vorsorge, Notdienste."),
    ("Freizeit & Ausflüge", "freizeit-ausfluege", "Spielplätze, Regentage, Ferien in Mülheim."),
    ("Beratung & Hilfe", "beratung-hilfe", "Wer hilft, wenn es schwierig wird."),
]

# slug, title, categories, teaser, first author, body, later published edits [(author, summary, text appended)]
ARTICLES = [
    (
        "elterngeld-beantragen",
        "Elterngeld beantragen – so hat es bei uns geklappt",
        ["behoerden-geld"],
        "Unterlagen, Fristen und Stolperfallen beim Elterngeld-Antrag in Mülheim.",
        "mehmet",
        "## Wann beantragen?\nDas Elterngeld wird rückwirkend nur für die letzten drei Lebensmonate vor dem Antrag gezahlt. "
        "Stellt den Antrag also in den ersten Wochen nach der Geburt.\n\n"
        "## Welche Unterlagen?\n- Geburtsurkunde „für Elterngeld“ vom Standesamt\n- Gehaltsnachweise der letzten 12 Monate\n"
        "- Bescheinigung der Krankenkasse über das Mutterschaftsgeld\n- Bescheinigung des Arbeitgebers über den Zuschuss\n\n"
        "## Wo?\nDas Elterngeld beantragt man in NRW online über ElterngeldDigital oder schriftlich bei der Elterngeldstelle der Stadt.",
        [
            (
                "eltern",
                "Tipp zur Partnerschaftsbonus ergänzt",
                "\n\n## Partnerschaftsbonus\nWenn beide Eltern gleichzeitig 24 bis 32 Stunden arbeiten, gibt es zusätzliche Monate. Lasst euch dazu vorher beraten.",
            ),
            (
                "olena",
                "Hinweis auf Beratung im Familienpunkt",
                "\n\nIm [[Familienpunkte in Mülheim|Familienpunkt]] helfen die Beraterinnen beim Ausfüllen.",
            ),
        ],
    ),
    (
        "regentage-mit-kleinkindern",
        "Wo kann man mit Kleinkindern bei Regen hin?",
        ["freizeit-ausfluege", "baby-kleinkind"],
        "Ideen für nasse Tage in Mülheim, getestet von Eltern.",
        "eltern",
        "## Drinnen spielen\n- **Stadtbibliothek im Medienhaus**: Kinderecke mit Bilderbüchern, samstags Vorlesestunde.\n"
        "- **Aquarius Wassermuseum**: spannend schon für Dreijährige, mit Kinderwagen erreichbar.\n\n"
        "## Bewegen\n- Kinderturnen der Vereine (oft mit Schnupperstunde)\n- Indoor-Spielplatz – am Wochenende sehr voll.\n\n"
        "## Kostenlos\nDie Familienpunkte haben offene Spieltreffs, siehe [[Familienpunkte in Mülheim]].",
        [
            (
                "julia",
                "Camera Obscura ergänzt",
                "\n\n## Für Größere\nDie **Camera Obscura** in Broich zeigt Mülheim von oben – für Kinder ab etwa vier Jahren ein Erlebnis.",
            ),
            (
                "mehmet",
                "Tippfehler korrigiert und Schwimmbad ergänzt",
                "\n\n## Schwimmen\nDas Friedrich-Wennmann-Bad hat ein warmes Kleinkindbecken.",
            ),
        ],
    ),
    (
        "kita-platz-finden",
        "Kita-Platz finden: unser Weg durch die Anmeldung",
        ["kita-schule"],
        "Wie die Kita-Anmeldung in Mülheim läuft und was man selbst tun kann.",
        "julia",
        "## Früh anmelden\nMeldet euer Kind so früh wie möglich über das Kita-Portal der Stadt an, am besten schon in der Schwangerschaft. "
        "Man kann mehrere Wunsch-Kitas angeben.\n\n## Kitas besuchen\nViele Kitas haben Tage der offenen Tür im Herbst. "
        "Fragt nach dem pädagogischen Konzept und der Eingewöhnung.\n\n## Kein Platz?\nDer Rechtsanspruch gilt ab dem ersten Geburtstag. "
        "Das Jugendamt muss einen Platz nachweisen – auch in der [[Kindertagespflege: Erfahrungen mit Tagesmüttern|Kindertagespflege]].",
        [
            (
                "olena",
                "Hinweis auf die Kita-Suche im Portal",
                "\n\nIm Familienportal zeigt die Kita-Suche, welche Einrichtungen gerade freie Plätze melden.",
            )
        ],
    ),
    (
        "eingewoehnung-berliner-modell",
        "Eingewöhnung nach dem Berliner Modell",
        ["kita-schule", "baby-kleinkind"],
        "Was in den ersten Kita-Wochen passiert und wie Eltern sich vorbereiten.",
        "mehmet",
        "## Die Phasen\n1. Grundphase: drei Tage mit Mama oder Papa in der Gruppe, ohne Trennung.\n"
        "2. Erster Trennungsversuch am vierten Tag, nur wenige Minuten.\n3. Stabilisierung: die Zeiten werden länger.\n\n"
        "## Unsere Erfahrung\nBei uns hat es knapp drei Wochen gedauert. Plant lieber mehr Zeit ein und nehmt in dieser Zeit keinen Urlaub vom Urlaub.",
        [
            (
                "eltern",
                "Tipp zum Kuscheltier",
                "\n\n## Tipp\nEin vertrautes Kuscheltier oder ein T-Shirt, das nach Zuhause riecht, hilft beim Abschied.",
            )
        ],
    ),
    (
        "kindertagespflege-erfahrungen",
        "Kindertagespflege: Erfahrungen mit Tagesmüttern",
        ["kita-schule", "baby-kleinkind"],
        "Kleine Gruppe, feste Bezugsperson: was Tagespflege ausmacht.",
        "olena",
        "## Was ist Kindertagespflege?\nTagesmütter und Tagesväter betreuen bis zu fünf Kinder, oft bei sich zu Hause. "
        "Sie sind vom Jugendamt qualifiziert und erlaubt.\n\n## Kosten\nDie Elternbeiträge sind dieselben wie in der Kita.\n\n"
        "## Unser Eindruck\nFür unsere Tochter mit elf Monaten war die kleine Gruppe genau richtig.",
        [
            (
                "julia",
                "Vertretung bei Krankheit ergänzt",
                "\n\n## Wenn die Tagesmutter krank ist\nFragt vorher nach der Vertretungsregelung. In Mülheim gibt es dafür Vertretungsstützpunkte.",
            )
        ],
    ),
    (
        "kinderarzt-finden",
        "Kinderarzt finden in Mülheim",
        ["gesundheit"],
        "Viele Praxen nehmen keine neuen Patienten. So haben wir einen gefunden.",
        "julia",
        "## Schon vor der Geburt kümmern\nRuft ab der 30. Schwangerschaftswoche bei Praxen an. Manche führen Wartelisten.\n\n"
        "## Terminservice\nDie Terminservicestelle der Kassenärztlichen Vereinigung (116 117) vermittelt auch Termine für die U-Untersuchungen.\n\n"
        "## Unser Tipp\nFragt in der Geburtsklinik und bei der Hebamme nach, welche Praxen gerade aufnehmen.",
        [
            (
                "mehmet",
                "Hinweis zu U-Heft ergänzt",
                "\n\nNehmt zum ersten Termin das gelbe U-Heft und die Versichertenkarte mit.",
            )
        ],
    ),
    (
        "notdienste-fuer-familien",
        "Notdienste und wichtige Nummern für Familien",
        ["gesundheit", "beratung-hilfe"],
        "Wen man nachts und am Wochenende anruft.",
        "eltern",
        "## Im Notfall\n- Notruf: **112**\n- Giftnotruf NRW: **0228 19240**\n\n"
        "## Ärztlicher Bereitschaftsdienst\nAbends und am Wochenende: **116 117**. Die Kinder- und Jugendärztliche Notdienstpraxis ist im Krankenhaus.\n\n"
        "## Hilfe für Eltern\n- Elterntelefon: **0800 111 0 550** (kostenlos, anonym)\n- Hilfetelefon Gewalt gegen Frauen: **116 016**",
        [
            (
                "olena",
                "Elterntelefon-Zeiten ergänzt",
                "\n\nDas Elterntelefon ist montags bis freitags von 9 bis 17 Uhr erreichbar, dienstags und donnerstags bis 19 Uhr.",
            )
        ],
    ),
    (
        "nachsorgehebamme-finden",
        "Nachsorgehebamme finden",
        ["schwangerschaft-geburt"],
        "Früh suchen lohnt sich – und was tun, wenn es nicht klappt.",
        "olena",
        "## Wann suchen?\nSo früh wie möglich, am besten direkt nach dem positiven Test.\n\n"
        "## Wo suchen?\n- Hebammenliste des Hebammenverbands\n- Geburtskliniken vermitteln manchmal\n- Familienhebammen im Familienpunkt\n\n"
        "## Keine Hebamme gefunden?\nDann helfen die Hebammensprechstunden in der Klinik und die Familienhebammen der Stadt.",
        [
            (
                "julia",
                "Wochenbettambulanz erwähnt",
                "\n\nEinige Kliniken bieten eine Wochenbettambulanz an, in die man ohne eigene Hebamme gehen kann.",
            )
        ],
    ),
    (
        "kindergeld-beantragen",
        "Kindergeld beantragen",
        ["behoerden-geld"],
        "Kindergeld gibt es bei der Familienkasse – das braucht ihr.",
        "mehmet",
        "## Was braucht man?\n- Steuer-Identifikationsnummer des Kindes (kommt automatisch per Post)\n- eure eigenen Steuer-IDs\n- Geburtsurkunde\n\n"
        "## Wie?\nDer Antrag geht online bei der Familienkasse der Bundesagentur für Arbeit.\n\n"
        "## Wie lange?\nBei uns kam der Bescheid nach etwa fünf Wochen. Gezahlt wird rückwirkend für sechs Monate.",
        [
            (
                "eltern",
                "Kinderzuschlag verlinkt",
                "\n\nFamilien mit kleinem Einkommen sollten auch den [[Kinderzuschlag und Bildungspaket|Kinderzuschlag]] prüfen.",
            )
        ],
    ),
    (
        "kinderzuschlag-bildungspaket",
        "Kinderzuschlag und Bildungspaket",
        ["behoerden-geld", "beratung-hilfe"],
        "Unterstützung für Familien mit kleinem Einkommen.",
        "eltern",
        "## Kinderzuschlag\nDen Kinderzuschlag gibt es zusätzlich zum Kindergeld, wenn das Einkommen für die Eltern, aber nicht für die ganze Familie reicht.\n\n"
        "## Bildung und Teilhabe\nWer Kinderzuschlag, Wohngeld oder Bürgergeld bekommt, kann Zuschüsse für Mittagessen, Ausflüge, Schulbedarf und Vereinsbeiträge bekommen.\n\n"
        "## Wo?\nAnträge für Bildung und Teilhabe nimmt die Stadt entgegen. Im Familienpunkt hilft man beim Ausfüllen.",
        [
            (
                "olena",
                "Beispiel Vereinsbeitrag ergänzt",
                "\n\nBei uns übernimmt das Bildungspaket 15 Euro im Monat für den Schwimmverein.",
            )
        ],
    ),
    (
        "spielplaetze-mit-schatten",
        "Spielplätze mit Schatten für heiße Tage",
        ["freizeit-ausfluege"],
        "Wo man im Sommer nicht in der prallen Sonne sitzt.",
        "julia",
        "## Witthausbusch\nGroßer Spielplatz unter alten Bäumen, mit Kiosk in der Nähe.\n\n"
        "## Styrumer Schlosspark\nSchattige Bänke, Sandkasten und ein Wasserspiel im Sommer.\n\n"
        "## Saarner Auen\nNaturspielplatz an der Ruhr, ideal für ein Picknick.",
        [
            (
                "mehmet",
                "Wasserspielplatz ergänzt",
                "\n\n## Mit Wasser\nDer Wasserspielplatz im MüGa-Park ist im Sommer ein Magnet – Wechselkleidung mitnehmen!",
            )
        ],
    ),
    (
        "muega-park-mit-kindern",
        "MüGa-Park mit Kindern",
        ["freizeit-ausfluege"],
        "Ein Tag im Park an der Ruhr: was Familien dort finden.",
        "mehmet",
        "## Spielen\nMehrere Spielplätze, darunter ein großer Wasserspielplatz.\n\n## Entdecken\nDas Aquarius Wassermuseum im alten Wasserturm und der Kletterwald.\n\n"
        "## Praktisch\nToiletten mit Wickeltisch am Ringlokschuppen. Kinderwagenfreundliche Wege.",
        [
            (
                "olena",
                "Hinweis auf Veranstaltungen",
                "\n\nIm Sommer gibt es am Wochenende oft Kindertheater und Feste im Park.",
            )
        ],
    ),
    (
        "schwimmkurs-fuer-kinder",
        "Schwimmkurs für Kinder finden",
        ["freizeit-ausfluege", "kita-schule"],
        "Die Wartelisten sind lang. So kommt euer Kind trotzdem ins Wasser.",
        "olena",
        "## Früh anmelden\nDie Seepferdchen-Kurse der Vereine sind oft ein Jahr im Voraus ausgebucht.\n\n"
        "## Wo gibt es Kurse?\n- Schwimmvereine\n- die Bäder der Stadt\n- private Schwimmschulen\n\n"
        "## Wassergewöhnung\nBabyschwimmen und Wassergewöhnung machen den späteren Kurs leichter.",
        [
            (
                "eltern",
                "Ferienkurse erwähnt",
                "\n\nIn den Ferien gibt es Intensivkurse über zwei Wochen. Die Plätze gehen schnell weg.",
            )
        ],
    ),
    (
        "babyschwimmen",
        "Babyschwimmen: ab wann und wo?",
        ["baby-kleinkind"],
        "Ab etwa drei Monaten können Babys mit ins Wasser.",
        "julia",
        "## Ab wann?\nMeist ab dem dritten Lebensmonat, wenn das Baby den Kopf halten kann.\n\n"
        "## Was mitnehmen?\n- Schwimmwindel\n- Bademantel oder Kapuzenhandtuch\n- etwas zu trinken für danach\n\n"
        "## Kosten\nEin Kurs mit zehn Terminen kostet etwa 100 bis 150 Euro.",
        [("mehmet", "Wassertemperatur ergänzt", "\n\nAchtet darauf, dass das Becken mindestens 32 Grad hat.")],
    ),
    (
        "krabbelgruppen",
        "Krabbelgruppen in Mülheim",
        ["baby-kleinkind"],
        "Andere Eltern kennenlernen und Babys spielen lassen.",
        "eltern",
        "## Wo?\n- Familienpunkte: offene Babytreffs, kostenlos\n- Kirchengemeinden: oft mit Warteliste\n- Familienbildungsstätte: Kurse wie PEKiP\n\n"
        "## Wie finden?\nIm Angebotsverzeichnis des Portals nach „Krabbelgruppe“ suchen oder im Forum fragen.",
        [
            (
                "olena",
                "Babytreff im Familienpunkt Styrum",
                "\n\nDer Babytreff im Familienpunkt Styrum ist dienstags vormittags – wir gehen sehr gern hin.",
            )
        ],
    ),
    (
        "schlafen-im-ersten-jahr",
        "Schlafen im ersten Jahr: was uns geholfen hat",
        ["baby-kleinkind", "gesundheit"],
        "Keine Patentrezepte, aber Erfahrungen.",
        "olena",
        "## Sicher schlafen\n- Rückenlage, im eigenen Schlafsack\n- keine Kissen, Decken oder Kuscheltiere im Bett\n- rauchfreie Umgebung\n\n"
        "## Rituale\nBei uns hat ein festes Abendritual geholfen: Baden, Stillen, Lied.\n\n"
        "## Hilfe\nDie Schreiambulanz und die Beratungsstellen helfen, wenn das Baby viel weint.",
        [
            (
                "julia",
                "Hinweis auf Schreiambulanz präzisiert",
                "\n\nDie Beratung ist kostenlos, man braucht keine Überweisung.",
            )
        ],
    ),
    (
        "beikost-einfuehren",
        "Beikost einführen",
        ["baby-kleinkind", "gesundheit"],
        "Der erste Brei: wann, was, wie viel.",
        "mehmet",
        "## Wann?\nZwischen dem fünften und siebten Monat, wenn das Baby Interesse zeigt.\n\n"
        "## Womit?\nTraditionell mit Gemüsebrei, zum Beispiel Karotte oder Pastinake.\n\n"
        "## Geduld\nAm Anfang landen nur ein paar Löffel im Mund. Das ist normal.",
        [
            (
                "eltern",
                "Baby-led weaning erwähnt",
                "\n\n## Fingerfood\nManche Familien lassen das Baby gleich selbst essen (Baby-led weaning). Sprecht mit eurer Kinderärztin.",
            )
        ],
    ),
    (
        "grundschule-anmeldung",
        "Grundschule: Anmeldung und Schuleingangsuntersuchung",
        ["kita-schule", "behoerden-geld"],
        "Was im Jahr vor der Einschulung passiert.",
        "eltern",
        "## Anmeldung\nDie Anmeldung an der Grundschule ist im Herbst des Vorjahres. Die Stadt schreibt die Eltern an.\n\n"
        "## Schuleingangsuntersuchung\nDas Gesundheitsamt lädt ein. Das U-Heft und den Impfpass mitnehmen.\n\n"
        "## Wunschschule\nMan kann eine andere als die nächstgelegene Schule wählen, wenn dort Platz ist.",
        [
            (
                "mehmet",
                "OGS verlinkt",
                "\n\nDie Nachmittagsbetreuung wird getrennt angemeldet, siehe [[Offene Ganztagsschule (OGS)]].",
            )
        ],
    ),
    (
        "offene-ganztagsschule",
        "Offene Ganztagsschule (OGS)",
        ["kita-schule"],
        "Betreuung am Nachmittag für Grundschulkinder.",
        "mehmet",
        "## Was ist die OGS?\nBetreuung nach dem Unterricht bis etwa 16 Uhr, mit Mittagessen und Hausaufgabenzeit.\n\n"
        "## Kosten\nDer Elternbeitrag richtet sich nach dem Einkommen, dazu kommt das Mittagessen.\n\n"
        "## Anmeldung\nDirekt bei der Schule, meist zusammen mit der Schulanmeldung.",
        [
            (
                "julia",
                "Ferienbetreuung ergänzt",
                "\n\nDie OGS bietet auch in Teilen der Ferien Betreuung an. Fragt früh nach den Terminen.",
            )
        ],
    ),
    (
        "ferienbetreuung",
        "Ferienbetreuung in Mülheim",
        ["freizeit-ausfluege", "kita-schule"],
        "Sechs Wochen Sommerferien, aber nur 30 Tage Urlaub? So geht's.",
        "julia",
        "## Ferienspiele\nDie Stadt und freie Träger bieten Ferienspiele an, oft tageweise buchbar.\n\n"
        "## Stadtranderholung\nTagesausflüge mit Betreuung für Grundschulkinder.\n\n"
        "## Tipp\nDie Anmeldung beginnt oft schon im Frühjahr. Im Angebotsverzeichnis nach „Ferien“ filtern.",
        [
            (
                "olena",
                "Zuschuss für Familien mit kleinem Einkommen",
                "\n\nÜber das [[Kinderzuschlag und Bildungspaket|Bildungspaket]] kann man Zuschüsse beantragen.",
            )
        ],
    ),
    (
        "familienpunkte-in-muelheim",
        "Familienpunkte in Mülheim",
        ["beratung-hilfe"],
        "Was die Familienpunkte bieten und für wen.",
        "olena",
        "## Was ist ein Familienpunkt?\nEine offene Anlaufstelle im Stadtteil: Beratung, Treffs, Kurse und ein Elterncafé.\n\n"
        "## Angebote\n- Babytreff und Spielgruppen\n- Sprechstunden von Familienhebammen und Erziehungsberatung\n- Hilfe bei Anträgen\n\n"
        "## Kosten\nDie meisten Angebote sind kostenlos und ohne Anmeldung.",
        [
            (
                "eltern",
                "Mithelfen im Elterncafé ergänzt",
                "\n\n## Mitmachen\nEltern können im Elterncafé mithelfen – Schichten gibt es auf der Seite des Familienpunkts.",
            )
        ],
    ),
    (
        "erziehungsberatung",
        "Erziehungsberatung: kostenlos und vertraulich",
        ["beratung-hilfe"],
        "Wenn es zu Hause schwierig wird, muss man da nicht allein durch.",
        "eltern",
        "## Für wen?\nFür alle Eltern, Kinder und Jugendlichen – bei Trotzphasen, Schulproblemen, Trennung oder Sorgen.\n\n"
        "## Wie?\nEinen Termin telefonisch vereinbaren. Die Beratung ist kostenlos und unterliegt der Schweigepflicht.\n\n"
        "## Offene Sprechstunde\nIn einigen Familienpunkten gibt es offene Sprechstunden ohne Termin.",
        [
            (
                "julia",
                "Online-Beratung ergänzt",
                "\n\nAuch online gibt es Beratung, zum Beispiel bei der bke-Elternberatung.",
            )
        ],
    ),
    (
        "trennung-mit-kindern",
        "Trennung mit Kindern: erste Schritte",
        ["beratung-hilfe", "behoerden-geld"],
        "Umgang, Unterhalt, Beratung – wo man anfängt.",
        "julia",
        "## Beratung\nDas Jugendamt berät zu Sorge- und Umgangsrecht und hilft bei einer Umgangsvereinbarung.\n\n"
        "## Unterhalt\nDas Jugendamt kann eine Beistandschaft übernehmen. Reicht der Unterhalt nicht, gibt es Unterhaltsvorschuss.\n\n"
        "## Für die Kinder\nSagt euren Kindern, dass sie keine Schuld haben. Gruppen für Trennungskinder gibt es bei der Erziehungsberatung.",
        [
            (
                "olena",
                "Unterhaltsvorschuss präzisiert",
                "\n\nDen Unterhaltsvorschuss beantragt man bei der Stadt, wenn der andere Elternteil nicht oder zu wenig zahlt.",
            )
        ],
    ),
    (
        "vorsorge-u-untersuchungen",
        "Vorsorge: die U-Untersuchungen im Überblick",
        ["gesundheit"],
        "Von der U1 bis zur J1: wann welche Untersuchung ist.",
        "mehmet",
        "## Im ersten Jahr\n| Untersuchung | Alter |\n|---|---|\n| U2 | 3.–10. Tag |\n| U3 | 4.–5. Woche |\n| U4 | 3.–4. Monat |\n| U5 | 6.–7. Monat |\n| U6 | 10.–12. Monat |\n\n"
        "## Danach\nU7 mit zwei Jahren, U7a mit drei, U8 mit vier und U9 mit fünf Jahren.\n\n"
        "## Tipp\nTermine früh vereinbaren, die Zeitfenster sind eng.",
        [
            (
                "eltern",
                "Impfungen erwähnt",
                "\n\nBei den U-Untersuchungen wird auch der Impfstatus geprüft. Den Impfpass mitnehmen!",
            )
        ],
    ),
    (
        "mit-dem-kinderwagen-unterwegs",
        "Mit dem Kinderwagen unterwegs: Bus, Bahn und Aufzüge",
        ["baby-kleinkind", "freizeit-ausfluege"],
        "Barrierefrei durch Mülheim – was wir gelernt haben.",
        "olena",
        "## Bus und Bahn\nIn Bussen und Straßenbahnen gibt es Stellplätze für Kinderwagen. Mit Kinderwagen fährt eine Begleitperson in vielen Tarifen günstiger.\n\n"
        "## Aufzüge\nAm Hauptbahnhof gibt es Aufzüge zu allen Gleisen – manchmal sind sie außer Betrieb.\n\n"
        "## Wickeln unterwegs\nDie Karte [[Wickeln und Stillen unterwegs]] zeigt Orte in der ganzen Stadt.",
        [("mehmet", "Tipp Tragetuch", "\n\nFür die Innenstadt ist eine Trage oft praktischer als der Kinderwagen.")],
    ),
    (
        "wickeln-und-stillen-unterwegs",
        "Wickeln und Stillen unterwegs",
        ["baby-kleinkind"],
        "Wo man in Mülheim in Ruhe wickeln und stillen kann.",
        "julia",
        "## Öffentliche Orte\nIm Rathaus, in der Stadtbibliothek und in vielen Kaufhäusern gibt es Wickeltische.\n\n"
        "## Stillfreundliche Cafés\nManche Cafés machen mit beim Aufkleber „Stillen willkommen“.\n\n"
        "## Im Portal\nUnter „Wickeln & Stillen“ zeigt das Familienportal geprüfte Orte mit Öffnungszeiten.",
        [
            (
                "eltern",
                "Hinweis auf Melden veralteter Orte",
                "\n\nWenn ein Ort nicht mehr stimmt, könnt ihr das direkt auf seiner Seite melden.",
            )
        ],
    ),
]

# Edits still waiting for the Redaktion: slug, author, summary, text appended
PENDING = [
    (
        "regentage-mit-kleinkindern",
        "olena",
        "Kindermuseum ergänzt",
        "\n\n## Museum\nDas Kunstmuseum hat sonntags eine Familienführung für Kinder ab vier Jahren.",
    ),
    (
        "regentage-mit-kleinkindern",
        "mehmet",
        "Öffnungszeiten der Bibliothek ergänzt",
        "\n\nDie Kinderbibliothek hat dienstags bis samstags geöffnet, montags ist sie geschlossen.",
    ),
    (
        "kinderarzt-finden",
        "eltern",
        "Hinweis auf Videosprechstunde",
        "\n\nEinige Praxen bieten für Rückfragen eine Videosprechstunde an.",
    ),
    (
        "babyschwimmen",
        "olena",
        "Kurs im Familienpunkt Saarn",
        "\n\nIm Familienpunkt Saarn gibt es eine Warteliste für Babyschwimmkurse in Kooperation mit dem Schwimmverein.",
    ),
]
# A proposed new article, waiting: slug-less (created by the service), author, title, categories, teaser, body
PROPOSAL = (
    "olena",
    "Deutschkurse mit Kinderbetreuung",
    ["beratung-hilfe"],
    "Sprachkurse, bei denen die Kleinen betreut werden.",
    "## Integrationskurse mit Kinderbetreuung\nEinige Kursträger in Mülheim bieten Integrationskurse mit Kinderbetreuung an.\n\n"
    "## Eltern-Kind-Sprachkurse\nIn den Familienpunkten gibt es Sprachtreffs, zu denen man die Kinder mitbringen kann.",
)
# An edit the Redaktion declined: slug, author, summary, text, reason
REJECTED = (
    "kindergeld-beantragen",
    "mehmet",
    "Werbung für Beratungsfirma",
    "\n\nDie Firma XY erledigt den Antrag für 49 Euro – sehr zu empfehlen!",
    "Bitte keine Werbung für kostenpflichtige Dienste. Die Familienkasse und die Familienpunkte helfen kostenlos.",
)
PROTECTED = ("notdienste-fuer-familien", "Notrufnummern werden nur von der Redaktion geändert.")
TRUSTED = ("julia", "Schreibt seit Langem sorgfältig mit.")
