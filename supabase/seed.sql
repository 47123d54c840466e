-- Demo participation for the fictional commune of content/ (Val-de-Loire-sur-Mer): citizens, propositions,
-- supports and comments, so that `npm start` shows a living idea box and a finished consultation whose
-- propositions stay visible with their outcome. Supabase runs this file on `supabase db reset`; the local
-- server runs it once on a database that has no demo citizen yet. Never run it on a commune's database.
-- Rows are inserted directly, as the database owner: the actions would refuse the finished consultation.
do $seed$
declare
  v_velo uuid := (select id from public.consultations where slug = 'plan-velo');
  v_place uuid := (select id from public.consultations where slug = 'place-du-marche');
begin
  if v_velo is null or v_place is null
     or exists (select 1 from public.citizens where email::text like '%@demo.parlons.invalid') then
    return;
  end if;

  insert into public.citizens (email, display_name)
  select format('habitant%s@demo.parlons.invalid', n),
         (array['Camille R.', 'Yanis', 'Mireille D.', null, 'Jo B.', null, 'Inès', 'Gérard L.', null, 'Sofia'])[n]
  from pg_catalog.generate_series(1, 10) as n;

  create temporary table demo_citizen on commit drop as
  select id, pg_catalog.row_number() over (order by email) as n
  from public.citizens where email::text like '%@demo.parlons.invalid';

  create temporary table demo_proposition (
    n int, consultation uuid, author int, title text, body text, theme text, district text,
    status public.proposition_status, created_at timestamptz, supporters int
  ) on commit drop;

  insert into demo_proposition values
    (1, v_velo, 1, 'Une piste cyclable protégée entre la gare et le collège',
     'Chaque matin, des dizaines de collégiens longent la route de la gare au milieu des voitures. Une piste séparée par une bordure, sur les 1,4 km entre la gare et le collège Jules-Verne, les mettrait en sécurité.',
     'Pistes cyclables', 'Centre-bourg', 'published', '2026-11-03 08:12+01', 9),
    (2, v_velo, 2, 'Des arceaux vélo devant la médiathèque et la poste',
     'Aujourd''hui on attache son vélo aux grilles. Six arceaux devant la médiathèque et quatre devant la poste suffiraient, et ils coûtent peu.',
     'Stationnement vélo', 'Centre-bourg', 'published', '2026-11-04 18:40+01', 7),
    (3, v_velo, 3, 'Sécuriser la traversée du pont du Port',
     'Le trottoir du pont est étroit et les vélos roulent sur la chaussée avec les camions du port. Un passage réservé ou un feu alterné rendrait la traversée moins dangereuse.',
     'Sécurité des piétons et des cyclistes', 'Le Port', 'published', '2026-11-06 12:05+01', 6),
    (4, v_velo, 5, 'Un abri vélo fermé à la gare',
     'Beaucoup de navetteurs prendraient le vélo jusqu''au train s''ils pouvaient le laisser à l''abri et sous clé pour la journée.',
     'Stationnement vélo', 'Les Prés-Salés', 'published', '2026-11-09 07:55+01', 5),
    (5, v_velo, 7, 'Relier les Hauts-de-Loire au centre par la voie verte',
     'L''ancien chemin de halage pourrait être prolongé de 800 m pour rejoindre le centre-bourg sans passer par la départementale.',
     'Pistes cyclables', 'Hauts-de-Loire', 'published', '2026-11-12 20:30+01', 4),
    (6, v_velo, 8, 'Laisser monter les vélos dans le bus 12 le week-end',
     'Le bus 12 monte aux Hauts-de-Loire : avec deux places vélo le samedi et le dimanche, on pourrait faire la descente à vélo et remonter en bus.',
     'Transports en commun', 'Hauts-de-Loire', 'published', '2026-11-18 10:10+01', 2),
    (7, v_place, 2, 'Planter de grands arbres pour ombrager la place',
     'L''été, la place est une plaque de bitume brûlante. Des platanes ou des tilleuls rendraient le marché du samedi supportable en juillet.',
     'Végétalisation et îlots de fraîcheur', 'Centre-bourg', 'implemented', '2025-03-20 09:30+01', 9),
    (8, v_place, 4, 'Garder le marché du samedi sur la place',
     'Le marché fait vivre le centre : il doit rester sur la place, même après les travaux.',
     'Marché et commerces', 'Centre-bourg', 'accepted', '2025-03-22 11:00+01', 8),
    (9, v_place, 6, 'Des jeux pour les petits près des bancs',
     'Un petit espace de jeux, visible depuis les bancs et les terrasses, pour que les parents puissent faire leur marché tranquillement.',
     'Jeux et convivialité', 'Centre-bourg', 'accepted', '2025-04-02 16:45+02', 6),
    (10, v_place, 9, 'Conserver les 80 places de stationnement',
     'Les commerçants ont besoin que leurs clients puissent se garer au plus près.',
     'Circulation et stationnement', 'Le Port', 'rejected', '2025-04-10 08:20+02', 3);

  insert into public.propositions (consultation_id, phase_id, citizen_id, title, body, theme, district, status, created_at)
  select p.consultation,
         (select ph.id from public.phases ph
           where ph.consultation_id = p.consultation and p.created_at >= ph.starts_at and p.created_at < ph.ends_at),
         c.id, p.title, p.body, p.theme, p.district, p.status, p.created_at
  from demo_proposition p join demo_citizen c on c.n = p.author
  order by p.n;

  -- Supporters are the first N demo citizens other than the author.
  insert into public.supports (proposition_id, citizen_id, created_at)
  select pr.id, c.id, pr.created_at + pg_catalog.make_interval(hours => c.n::int)
  from demo_proposition p
  join public.propositions pr on pr.consultation_id = p.consultation and pr.title = p.title
  join demo_citizen c on c.n <> p.author
  where c.n <= p.supporters + (case when p.author <= p.supporters then 1 else 0 end);

  insert into public.comments (proposition_id, citizen_id, body, alignment, created_at)
  select pr.id, c.id, x.body, x.alignment::public.comment_alignment, pr.created_at + interval '1 day'
  from (values
    ('Une piste cyclable protégée entre la gare et le collège', 3, 'Oui ! Mon fils fait ce trajet tous les jours, je tremble à chaque fois.', 'for'),
    ('Une piste cyclable protégée entre la gare et le collège', 9, 'Attention à garder des places de livraison pour la boulangerie de la rue de la Gare.', 'neutral'),
    ('Sécuriser la traversée du pont du Port', 5, 'Un feu alterné ralentirait beaucoup les camions du port, un simple marquage suffirait peut-être.', 'against'),
    ('Planter de grands arbres pour ombrager la place', 1, 'Merci pour cette idée, le samedi en été c''était devenu impossible.', 'for')
  ) as x(title, author, body, alignment)
  join public.propositions pr on pr.title = x.title
  join demo_citizen c on c.n = x.author;

  insert into public.comments (proposition_id, parent_id, citizen_id, body, alignment, created_at)
  select root.proposition_id, root.id, c.id,
         'Bonne remarque : le plan prévoit justement deux aires de livraison rue de la Gare.', null,
         root.created_at + interval '2 hours'
  from public.comments root
  join demo_citizen c on c.n = 1
  where root.body like 'Attention à garder des places de livraison%';
end
$seed$;
