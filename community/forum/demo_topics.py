"""The demo city's forum conversations: (forum, subject, [(author, text), …]); the first entry opens the topic."""

TOPICS = [
    (
        "Baby & Kleinkind",
        "Krabbelgruppe in Saarn gesucht",
        [
            (
                "julia",
                "Hallo zusammen, wir sind neu in Saarn und suchen eine Krabbelgruppe für unsere Tochter (8 Monate). Hat jemand einen Tipp?",
            ),
            (
                "eltern",
                "Im Familienpunkt gibt es dienstags einen Babytreff, da waren wir auch. Sehr nett und kostenlos!",
            ),
            ("olena", "Die evangelische Gemeinde hat auch eine Gruppe, allerdings mit Warteliste."),
        ],
    ),
    (
        "Kita & Schule",
        "Eingewöhnung nach dem Berliner Modell – Erfahrungen?",
        [
            ("mehmet", "Unser Sohn startet im August in der Kita. Wie lange hat die Eingewöhnung bei euch gedauert?"),
            ("eltern", "Bei uns knapp drei Wochen. Plant lieber etwas mehr Zeit ein, dann ist es entspannter."),
        ],
    ),
    (
        "Freizeit in Mülheim",
        "Wohin bei Regen mit Kleinkindern?",
        [
            ("eltern", "Kennt ihr gute Orte für Regentage? Indoor-Spielplatz ist uns auf Dauer zu laut."),
            ("julia", "Die Stadtbibliothek hat eine schöne Kinderecke, und samstags gibt es Vorlesestunden."),
            ("mehmet", "Das Aquarius Wassermuseum ist auch mit Kleinen spannend."),
        ],
    ),
    (
        "Schwangerschaft & Geburt",
        "Nachsorgehebamme finden",
        [
            ("olena", "Ich bin in der 20. Woche und finde keine Nachsorgehebamme. Wie habt ihr das geschafft?"),
            ("julia", "Frag beim Familienpunkt nach den Familienhebammen, die haben auch eine Liste."),
        ],
    ),
    (
        "Eltern helfen Eltern",
        "Elterngeld-Antrag: Welche Unterlagen braucht man?",
        [
            ("mehmet", "Wir stellen gerade den Elterngeld-Antrag. Welche Unterlagen habt ihr gebraucht?"),
            (
                "eltern",
                "Geburtsurkunde für Elterngeld, Gehaltsnachweise der letzten 12 Monate und die Bescheinigung der Krankenkasse über das Mutterschaftsgeld.",
            ),
        ],
    ),
    (
        "Stadtteil-Treffs",
        "Spielplatztreff Styrum, donnerstags",
        [
            (
                "eltern",
                "Wir treffen uns donnerstags ab 15 Uhr am Spielplatz im Styrumer Schlosspark. Wer mag, kommt dazu!",
            ),
            ("olena", "Wir kommen diese Woche mal vorbei, meine Tochter ist zwei."),
        ],
    ),
    (
        "Fragen an die Redaktion",
        "Wie kann ich ein Angebot melden?",
        [
            ("julia", "Ich kenne einen tollen Kinderturnkurs, der hier noch fehlt. Wie kann ich ihn melden?"),
            (
                "redaktion",
                "Danke! Schreiben Sie uns gern über die Kontaktadresse im Fußbereich, bald auch direkt über ein Formular.",
            ),
        ],
    ),
    (
        "Schwangerschaft & Geburt",
        "Welche Geburtsklinik könnt ihr empfehlen?",
        [
            (
                "julia",
                "Wir überlegen noch, wo unser zweites Kind zur Welt kommen soll. Wie waren eure Erfahrungen in Mülheim und Umgebung?",
            ),
            (
                "olena",
                "Wir waren sehr zufrieden mit dem Kreißsaal-Team. Die Infoabende vorher lohnen sich, da kann man alles ansehen.",
            ),
            ("eltern", "Fragt beim Infoabend unbedingt nach Familienzimmern, die sind schnell belegt."),
        ],
    ),
    (
        "Schwangerschaft & Geburt",
        "Geburtsvorbereitungskurs für Paare",
        [
            ("mehmet", "Gibt es Geburtsvorbereitungskurse, bei denen die Partner an allen Abenden mitmachen können?"),
            (
                "julia",
                "Die Familienbildungsstätte hat Paarkurse am Wochenende, zwei Samstage am Stück. Das war für uns ideal.",
            ),
        ],
    ),
    (
        "Schwangerschaft & Geburt",
        "Mutterschutz und Arbeitgeber – wann Bescheid sagen?",
        [
            ("olena", "Ab wann habt ihr euren Arbeitgeber über die Schwangerschaft informiert?"),
            (
                "eltern",
                "Ich habe es nach der 12. Woche gesagt. Der Mutterschutz gilt aber ab dem Zeitpunkt, an dem der Arbeitgeber es weiß.",
            ),
            (
                "julia",
                "Die Beratungsstelle im Familienpunkt erklärt auch die Fristen, das hat mir viel Unsicherheit genommen.",
            ),
        ],
    ),
    (
        "Baby & Kleinkind",
        "Durchschlafen mit 10 Monaten?",
        [
            ("olena", "Unser Sohn wacht nachts noch drei- bis viermal auf. Ist das normal mit 10 Monaten?"),
            (
                "julia",
                "Bei uns war das genauso. Mit etwa einem Jahr wurde es besser. Sprich ruhig die Kinderärztin an.",
            ),
            ("mehmet", "Die Schreiambulanz berät auch bei Schlafproblemen, nicht nur bei Schreibabys."),
        ],
    ),
    (
        "Baby & Kleinkind",
        "Beikost: Brei selbst kochen oder Gläschen?",
        [
            ("mehmet", "Wir fangen bald mit Beikost an. Kocht ihr selbst oder nehmt ihr Gläschen?"),
            ("eltern", "Meistens selbst, in größeren Mengen und dann eingefroren. Für unterwegs Gläschen."),
            (
                "olena",
                "Im Babykurs der Familienbildungsstätte gab es einen Abend nur zum Thema Beikost, sehr empfehlenswert.",
            ),
        ],
    ),
    (
        "Baby & Kleinkind",
        "Babyschwimmen in Mülheim",
        [
            ("julia", "Wer geht donnerstags zum Babyschwimmen? Wir suchen noch Mitfahrgelegenheit aus Saarn."),
            ("eltern", "Wir fahren aus Styrum, das passt leider nicht. Aber der Kurs ist toll!"),
            ("olena", "Wir sind ab nächstem Monat dabei und kommen aus Heißen. Vielleicht klappt es ja mal."),
        ],
    ),
    (
        "Baby & Kleinkind",
        "Kinderarzt mit Aufnahmestopp – was tun?",
        [
            (
                "olena",
                "Wir sind neu hergezogen und alle Kinderarztpraxen in der Nähe nehmen niemanden auf. Hat jemand einen Rat?",
            ),
            ("mehmet", "Ruf bei der Terminservicestelle 116117 an, die vermitteln auch Kinderärzte."),
            ("eltern", "Und frag bei der Geburtsklinik nach, die haben manchmal Kontakte für Neugeborene."),
        ],
    ),
    (
        "Kita & Schule",
        "Kita-Platz U3 – wann anmelden?",
        [
            ("julia", "Wann sollte man sich für einen U3-Platz anmelden? Unser Kind kommt im Frühjahr."),
            ("eltern", "So früh wie möglich über den Kita-Navigator. Wir haben gleich nach der Geburt angemeldet."),
            (
                "mehmet",
                "Und schaut in der Kita-Suche hier im Portal: da steht, welche Kitas gerade freie Plätze melden.",
            ),
        ],
    ),
    (
        "Kita & Schule",
        "Tagesmutter oder Kita?",
        [
            (
                "olena",
                "Wir überlegen, ob unsere Tochter mit einem Jahr zu einer Tagesmutter oder in die Kita soll. Was sind eure Erfahrungen?",
            ),
            ("julia", "Die Tagesmutter war für unser erstes Kind ideal: kleine Gruppe, sehr familiär."),
            (
                "eltern",
                "Bei uns war die Kita besser, weil die Öffnungszeiten länger sind. Kommt auf die Arbeitszeiten an.",
            ),
        ],
    ),
    (
        "Kita & Schule",
        "OGS-Platz: Erfahrungen mit der Anmeldung",
        [
            (
                "mehmet",
                "Unsere Tochter kommt nächstes Jahr in die Schule. Wie lief bei euch die Anmeldung für die OGS?",
            ),
            ("eltern", "Die Anmeldung läuft über die Schule, zusammen mit der Schulanmeldung. Gleich mit angeben!"),
        ],
    ),
    (
        "Kita & Schule",
        "Schultüte basteln – Ideen?",
        [
            ("julia", "Wer bastelt die Schultüte selbst? Ich suche Ideen, die nicht zu aufwendig sind."),
            ("olena", "Im Familienpunkt gibt es im Juni einen Bastelnachmittag für Schultüten, mit Material."),
            ("mehmet", "Wir haben eine aus Pappe mit Fußball-Motiv gemacht, das ging an einem Nachmittag."),
        ],
    ),
    (
        "Freizeit in Mülheim",
        "Schöne Spielplätze in Mülheim",
        [
            ("mehmet", "Welche Spielplätze mögt ihr am liebsten? Wir suchen welche mit Schatten für den Sommer."),
            ("julia", "Der Wasserspielplatz im Witthausbusch ist im Sommer super."),
            ("eltern", "Am Schloss Broich ist es schattig, und man kann danach noch an der Ruhr spazieren."),
        ],
    ),
    (
        "Freizeit in Mülheim",
        "Ferienbetreuung in den Sommerferien",
        [
            (
                "olena",
                "Wir arbeiten beide und brauchen Betreuung für drei Wochen in den Sommerferien. Welche Angebote könnt ihr empfehlen?",
            ),
            ("eltern", "Die Stadtranderholung ist toll und günstig, aber die Plätze sind schnell weg."),
            (
                "julia",
                "In der Angebotssuche hier im Portal kann man nach Ferienbetreuung filtern. Da waren einige Sportcamps dabei.",
            ),
        ],
    ),
    (
        "Freizeit in Mülheim",
        "Kinderturnen am Wochenende",
        [
            ("julia", "Gibt es Kinderturnen für Dreijährige am Samstag?"),
            ("mehmet", "Unser Sportverein hat samstags um zehn Eltern-Kind-Turnen. Meist ist noch Platz."),
        ],
    ),
    (
        "Freizeit in Mülheim",
        "Ausflug mit dem Schiff auf der Ruhr",
        [
            ("eltern", "Lohnt sich die Schiffstour auf der Ruhr mit einem Vierjährigen?"),
            ("olena", "Ja! Die kurze Tour war genau richtig lang. Snacks mitnehmen."),
            ("mehmet", "Wir sind bis Kettwig gefahren und mit dem Bus zurück. Das fanden die Kinder am besten."),
        ],
    ),
    (
        "Stadtteil-Treffs",
        "Elterncafé in Heißen",
        [
            ("olena", "Jeden Mittwochvormittag gibt es im Familienpunkt Heißen ein Elterncafé. Wer kommt mit?"),
            ("julia", "Gute Idee, ich bin nächste Woche dabei."),
        ],
    ),
    (
        "Stadtteil-Treffs",
        "Laternenumzug in Saarn",
        [
            ("julia", "Weiß jemand, wann dieses Jahr der Laternenumzug in Saarn ist?"),
            (
                "eltern",
                "Meist am Samstag vor St. Martin, Start an der Kirche. Im Veranstaltungskalender sollte es bald stehen.",
            ),
        ],
    ),
    (
        "Stadtteil-Treffs",
        "Flohmarkt für Kindersachen in Dümpten",
        [
            (
                "mehmet",
                "Wir planen im Frühjahr einen Flohmarkt für Kindersachen auf dem Schulhof. Wer möchte mitmachen?",
            ),
            ("olena", "Ich hätte einen Stand mit Babykleidung. Bitte gebt Bescheid, wann!"),
            ("eltern", "Tolle Idee, wir kommen als Käufer."),
        ],
    ),
    (
        "Eltern helfen Eltern",
        "Kinderwagen gesucht, gebraucht",
        [
            ("olena", "Hat jemand einen gebrauchten Kinderwagen abzugeben? Gern auch gegen einen kleinen Betrag."),
            ("julia", "Wir haben noch einen Buggy im Keller, der ist gut in Schuss. Ich schreibe dir."),
            ("shop", "Neue Kinderwagen jetzt 50 % günstiger!!! Nur heute im Online-Shop, Link in meinem Profil."),
        ],
    ),
    (
        "Eltern helfen Eltern",
        "Kindergeld für Neugeborene beantragen",
        [
            ("mehmet", "Wie lange dauert es, bis das Kindergeld nach dem Antrag kommt?"),
            ("eltern", "Bei uns etwa sechs Wochen. Der Antrag geht auch online bei der Familienkasse."),
        ],
    ),
    (
        "Eltern helfen Eltern",
        "Alleinerziehend – wo bekomme ich Beratung?",
        [
            ("olena", "Ich bin seit Kurzem alleinerziehend und weiß nicht, was mir zusteht. Wo bekomme ich Beratung?"),
            ("julia", "Im Familienpunkt gibt es eine offene Sprechstunde der Erziehungsberatung, ohne Termin."),
            ("eltern", "Frag auch nach dem Unterhaltsvorschuss beim Jugendamt. Du bist nicht allein!"),
        ],
    ),
    (
        "Eltern helfen Eltern",
        "Zweisprachig erziehen – wie macht ihr das?",
        [
            ("mehmet", "Wir sprechen zu Hause Türkisch und Deutsch. Wie macht ihr das mit zwei Sprachen?"),
            (
                "olena",
                "Bei uns spricht jeder Elternteil seine Sprache. Unsere Kinder wechseln inzwischen ganz selbstverständlich.",
            ),
            ("julia", "Die Stadtbibliothek hat Bilderbücher in vielen Sprachen, auch Türkisch und Ukrainisch."),
        ],
    ),
    (
        "Fragen an die Redaktion",
        "Veranstaltungen im Kalender abonnieren?",
        [
            ("olena", "Kann ich die Veranstaltungen eines Familienpunkts in meinen Handykalender übernehmen?"),
            (
                "redaktion",
                "Ja: In der Angebotsliste gibt es einen Kalender-Link (.ics). Den können Sie in Ihrer Kalender-App abonnieren.",
            ),
        ],
    ),
    (
        "Fragen an die Redaktion",
        "Portal in anderen Sprachen",
        [
            ("mehmet", "Wird das Portal auch auf Türkisch übersetzt? Meine Eltern würden es gern lesen."),
            (
                "redaktion",
                "Die Übersetzungen sind in Arbeit. Oben rechts können Sie die Sprache schon auswählen, die Inhalte folgen nach und nach.",
            ),
        ],
    ),
    (
        "Kita & Schule",
        "Kita-Essen: Wie viel zahlt ihr?",
        [
            ("eltern", "Wie viel kostet bei euch das Mittagessen in der Kita im Monat?"),
            ("julia", "Bei uns sind es etwa 60 Euro. Mit Bildungs- und Teilhabepaket kann das übernommen werden."),
        ],
    ),
]

# Posts by a member who joined just now: they wait in the Moderation's queue. (forum, subject or None for a reply
# to the named topic, text)
WAITING = [
    (
        "Baby & Kleinkind",
        "Tragetuch oder Trage?",
        "Hallo, ich bin neu hier! Was nutzt ihr lieber, Tragetuch oder Babytrage? Unser Kind ist drei Monate alt.",
    ),
    (
        "Freizeit in Mülheim",
        None,
        "Ich kann das Naturbad empfehlen, da gibt es einen flachen Bereich für die Kleinen.",
        "Schöne Spielplätze in Mülheim",
    ),
    (
        "Eltern helfen Eltern",
        "Babysitter für Abende gesucht",
        "Wir suchen eine zuverlässige Babysitterin in Broich, zwei Abende im Monat.",
    ),
]

# (topic subject, index of the post in it, [(reporter, reason, note), …]); three reports hide a post.
REPORTS = [
    (
        "Ausflug mit dem Schiff auf der Ruhr",
        2,
        [("olena", "anderes", "Ich glaube, der Bus fährt dort sonntags nicht mehr.")],
    ),
    (
        "Kinderwagen gesucht, gebraucht",
        2,
        [
            ("eltern", "spam", "Sieht nach Verkauf aus."),
            ("mehmet", "spam", ""),
            ("lena", "spam", "Werbung?"),
        ],
    ),
]

# The forum "Familien aus aller Welt": (subject, [(author, language, text), …]); each post in the language it is
# written in, answers often in German, the city's shared language.
WORLD_TOPICS = [
    (
        "Місце в дитсадку та курси німецької",
        [
            (
                "olena",
                "uk",
                "Добрий день! Ми з донькою (їй три роки) живемо в Мюльгаймі з минулої осені. Шукаю для неї місце "
                "в дитячому садку, а для себе — курс німецької, бажано такий, де на час занять доглядають за дітьми. "
                "З чого почати? Чи правда, що записуватися в садок треба через Jugendamt?",
            ),
            (
                "julia",
                "de",
                "Hallo Olena, willkommen in Mülheim! Ja, angemeldet wird über das Jugendamt. Hier im Portal siehst du "
                "unter „Kitas“, wo gerade Plätze frei sind, und kannst dich per E-Mail benachrichtigen lassen, sobald "
                "etwas frei wird. Nach Integrationskursen mit Kinderbetreuung fragst du am besten bei der "
                "Migrationsberatung im Familienpunkt Eppinghofen, die helfen auch beim Antrag.",
            ),
            (
                "olena",
                "de",
                "Danke, Julia! Die Benachrichtigung ist eingerichtet, und am Montag gehe ich zur Migrationsberatung. "
                "Ich schreibe schon ein bisschen auf Deutsch :)",
            ),
        ],
    ),
    (
        "Seepferdchen yüzme kursu – tavsiye ederim",
        [
            (
                "mehmet",
                "tr",
                "Merhaba! Oğlumuz (6 yaşında) on derslik Seepferdchen yüzme kursunu bitirdi ve rozetini aldı. Dersler "
                "cumartesi sabahları, gruplar küçük, hocalar da çok sabırlı. Kursu bu portalda „Angebote“ bölümünde "
                "buldum. Yerler çabuk doluyor, erkenden kaydolmanızı tavsiye ederim!",
            ),
            (
                "eltern",
                "de",
                "Danke für den Tipp, Mehmet! Unsere Tochter wird im Frühjahr fünf, dann melden wir sie gleich an.",
            ),
            ("rania", "ar", "شكراً على النصيحة! هل يجب أن يعرف الطفل السباحة قليلاً قبل بدء الدورة؟"),
            (
                "mehmet",
                "de",
                "Nein, gar nicht – die Kinder fangen ganz vorne an, mit Schwimmnudeln und Spielen im flachen Becken.",
            ),
        ],
    ),
    (
        "مواعيد الاستشارة في Familienpunkt",
        [
            (
                "rania",
                "ar",
                "مرحباً، نحن عائلة من سوريا ونسكن في حي إبينغهوفن منذ سنة. نريد أن نسأل عن مواعيد الاستشارة في "
                "Familienpunkt، لأننا نحتاج إلى مساعدة في طلب Kindergeld. هل يوجد هناك أحد يتكلم العربية؟ شكراً لكم.",
            ),
            (
                "familienpunkt",
                "de",
                "Hallo Rania, die Migrationsberatung im Familienpunkt Eppinghofen ist montags und donnerstags von 10 "
                "bis 13 Uhr offen, ohne Termin. Dort wird auch Arabisch gesprochen, und man hilft Ihnen beim "
                "Kindergeld-Antrag. Bringen Sie bitte Ihre Ausweise und die Geburtsurkunden der Kinder mit.",
            ),
            ("rania", "ar", "شكراً جزيلاً على المساعدة! سنذهب يوم الاثنين ومعنا كل الأوراق."),
        ],
    ),
    (
        "English-speaking playgroup?",
        [
            (
                "emma",
                "en",
                "Hi everyone! We moved to Mülheim from Manchester in the spring. Our daughter (2) is picking up German "
                "at nursery, but we'd love to meet other families who speak English at home. Is there an "
                "English-speaking playgroup or story time anywhere around Saarn or Speldorf?",
            ),
            (
                "julia",
                "de",
                "Hallo Emma! Eine englische Krabbelgruppe kenne ich leider nicht, aber die Stadtbibliothek hat viele "
                "Bilderbücher auf Englisch. Wollen wir uns einfach mal auf dem Spielplatz treffen? Unsere Tochter ist "
                "auch zwei, und wir üben gern Englisch.",
            ),
            (
                "emma",
                "en",
                "That would be lovely, thank you! How about Saturday morning at the playground near Kloster Saarn? "
                "We'll bring biscuits.",
            ),
        ],
    ),
    (
        "Логопед для ребёнка-билингва",
        [
            (
                "swetlana",
                "ru",
                "Здравствуйте! Наш сын (4 года) дома говорит по-русски, а в садике — по-немецки. Воспитательница "
                "советует показать его логопеду, потому что некоторые звуки он пока путает. Может быть, кто-то знает "
                "в Мюльхайме логопеда, который работает с двуязычными детьми? Буду благодарна за любые советы.",
            ),
            (
                "olena",
                "de",
                "Wir waren mit unserer Tochter bei einer Logopädin in Heißen, die viel mit mehrsprachigen Kindern "
                "arbeitet. Die Verordnung bekommen Sie beim Kinderarzt. Und keine Sorge: Zweisprachige Kinder brauchen "
                "manchmal etwas länger, das holen sie auf.",
            ),
            ("swetlana", "ru", "Спасибо большое! Завтра позвоню педиатру и спрошу про направление."),
        ],
    ),
]
