-- The open-data archive: the regions (ISO 3166-2:KZ and two pseudo-regions). $1 unused,
-- consultation id (every archive statement takes it).
SELECT r.code AS region, r.name_kk, r.name_ru, r.name_en, r.ordinal
FROM kenes.region r WHERE $1::integer IS NOT NULL
ORDER BY r.ordinal, r.code
