-- 002: the regions of Kazakhstan by ISO 3166-2:KZ code (17 regions and the three cities of
-- republican significance), plus "abroad" and "unspecified". Ordered as a person looks for
-- them: the three cities first, then regions alphabetically by their English name.
INSERT INTO kenes.region (code, name_kk, name_ru, name_en, ordinal) VALUES
    ('KZ-71', 'Астана қаласы',                 'город Астана',                      'Astana (city)',            1),
    ('KZ-75', 'Алматы қаласы',                 'город Алматы',                      'Almaty (city)',            2),
    ('KZ-79', 'Шымкент қаласы',                'город Шымкент',                     'Shymkent (city)',          3),
    ('KZ-10', 'Абай облысы',                   'Абайская область',                  'Abai Region',              10),
    ('KZ-11', 'Ақмола облысы',                 'Акмолинская область',               'Akmola Region',            11),
    ('KZ-15', 'Ақтөбе облысы',                 'Актюбинская область',               'Aktobe Region',            12),
    ('KZ-19', 'Алматы облысы',                 'Алматинская область',               'Almaty Region',            13),
    ('KZ-23', 'Атырау облысы',                 'Атырауская область',                'Atyrau Region',            14),
    ('KZ-63', 'Шығыс Қазақстан облысы',        'Восточно-Казахстанская область',    'East Kazakhstan Region',   15),
    ('KZ-31', 'Жамбыл облысы',                 'Жамбылская область',                'Jambyl Region',            16),
    ('KZ-33', 'Жетісу облысы',                 'Область Жетісу',                    'Jetisu Region',            17),
    ('KZ-35', 'Қарағанды облысы',              'Карагандинская область',            'Karaganda Region',         18),
    ('KZ-39', 'Қостанай облысы',               'Костанайская область',              'Kostanay Region',          19),
    ('KZ-43', 'Қызылорда облысы',              'Кызылординская область',            'Kyzylorda Region',         20),
    ('KZ-47', 'Маңғыстау облысы',              'Мангистауская область',             'Mangystau Region',         21),
    ('KZ-59', 'Солтүстік Қазақстан облысы',    'Северо-Казахстанская область',      'North Kazakhstan Region',  22),
    ('KZ-55', 'Павлодар облысы',               'Павлодарская область',              'Pavlodar Region',          23),
    ('KZ-61', 'Түркістан облысы',              'Туркестанская область',             'Turkistan Region',         24),
    ('KZ-62', 'Ұлытау облысы',                 'Область Улытау',                    'Ulytau Region',            25),
    ('KZ-27', 'Батыс Қазақстан облысы',        'Западно-Казахстанская область',     'West Kazakhstan Region',   26),
    ('abroad',      'Шетелде',                 'За рубежом',                        'Abroad',                   90),
    ('unspecified', 'Көрсетілмеген',           'Не указан',                         'Not specified',            99);
