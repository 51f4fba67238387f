#!/usr/bin/env python3
"""Write synth_core/demo/demo_corpus.jsonl, the demo content corpus for Synth Studio.

Pure standard library and fully deterministic (``random.Random(2024)``): running
``python tools/make_demo_corpus.py`` rewrites the file byte-identically. All content below is
hand-written for this project: per-topic fact sheets (fictional people, real and fictional
organisations, places, products, events, facts, scenes, quotes) combined with several sentence
frames per modality and profile, plus the hand-written creative works of ``demo_creative_works.jsonl``.
"""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "synth_core" / "demo" / "demo_corpus.jsonl"
CREATIVE_WORKS = Path(__file__).resolve().parent / "demo_creative_works.jsonl"
"""Hand-written items, one JSON object a line, merged in by id: creative works (books and novels,
trailers, TV episodes, films, music videos, paintings and illustrations, songs, albums, soundtracks,
audiobooks), invented titles, people, studios and publishers, which the topic frames above cannot
write and real users ask for most ("the novel X", "the trailer for X", "the song X by Y")."""

# One block per topic cluster, starting "@ name | modalities (V D I A) | podcast/show | video channel | flags"
# (biz: earnings calls; music: music recordings; noprod: no product datasheets). Fields are separated by
# " || " or a line break, list entries by " | ". "people" entries are "Name = role"; "scenes" entries are "Title ~ caption";
# "$" marks a fictional listed company.
TOPICS = r"""
@ renewable energy | VDIA | The Grid Room | Watts Next || tags: renewable energy | solar | wind power | grid storage | energy transition || orgs: Ørsted | Vestas | the International Energy Agency | Solvane Power$ || places: Hornsea | Rajasthan | Seville | Nevada | the North Sea || things: offshore wind turbines | bifacial solar panels | lithium iron phosphate batteries | pumped hydro storage || events: COP29 in Baku | Intersolar Europe in Munich | WindEurope in Copenhagen
people: Dr. Amara Okafor = a grid-integration researcher at Ørsted | Lars Henriksen = an offshore wind engineer at Vestas | Priya Raman = chief executive of Solvane Power | Tomás Ibarra = a solar farm manager near Seville || subjects: offshore wind maintenance | grid-scale batteries | solar farm design | curtailment on congested grids | green hydrogen economics || views: Close-up of a solar panel surface beaded with morning dew. | Wind turbines turning slowly on a grey, blustery afternoon. || quotes: The cheapest electron is the one you don't have to curtail. | Batteries turned solar from a daytime resource into an evening one. | Offshore, the weather decides your schedule, not the other way round. || plain: Storage is now the bottleneck for many solar-heavy grids. | Maintenance costs fall when inspections move from ropes to drones. | Connection queues can delay finished projects by years.
facts: The Hornsea 2 array off the Yorkshire coast has 165 turbines and can supply about 1.4 million homes. | Solvane Power commissioned a 400 MWh battery park in Nevada that shifts midday solar output into the evening peak. | According to the International Energy Agency, solar made up roughly three quarters of new renewable capacity added worldwide in 2023. | Engineers at Vestas now fly drones to inspect blade leading edges, cutting rope-access inspections by half. | In Rajasthan, the Bhadla solar park stretches across more than 5,600 hectares of desert. | Tomás Ibarra's crew near Seville washes 180,000 panels every six weeks using recycled water. | Curtailment in Germany and Spain rose sharply in spring 2024 as grids struggled to absorb sunny-afternoon surpluses.
scenes: Service Vessel at Hornsea 2 ~ A crew transfer vessel pulls alongside a turbine at the Hornsea 2 wind farm in the North Sea while technicians in orange survival suits wait on the platform. | Bhadla Solar Park at Noon ~ Rows of solar panels run to the horizon at the Bhadla Solar Park in Rajasthan, a maintenance truck kicking up dust between them. | Battery Containers in the Nevada Desert ~ White battery containers owned by Solvane Power line a gravel pad outside Las Vegas, Nevada, with the Spring Mountains behind them. | Blade Inspection by Drone ~ A Vestas drone hovers beside a 107-metre turbine blade at Hornsea as an inspector watches a live feed on a tablet. | Sunrise over Solar Trackers near Seville ~ Single-axis solar trackers near Seville tilt toward the rising sun, their steel frames glinting pale gold.
@ kubernetes operations | VDIA | Ship It Weekly | Cluster Ops Live || tags: kubernetes | devops | cloud infrastructure | observability | site reliability || orgs: the Cloud Native Computing Foundation | Google Cloud | Corvid Cloud$ | Kestrel Pay || places: London | Paris | Salt Lake City | Bengaluru || things: Kubernetes 1.30 | Helm charts | Prometheus | Argo CD | the Cilium CNI || events: KubeCon Europe in Paris | KubeCon North America in Salt Lake City | SREcon in Dublin
people: Mei Lin Zhao = a staff SRE at Corvid Cloud | Daniel Okonkwo = a platform engineer at Spotify | Sofia Lindqvist = a maintainer of the Prometheus project | Rahul Deshpande = head of infrastructure at Kestrel Pay || subjects: zero-downtime cluster upgrades | autoscaling stateful workloads | GitOps rollouts | on-call runbooks | cost control for idle nodes || views: Rows of server racks with blue status lights in a cold aisle. | A terminal window scrolling through pod logs. || quotes: If your runbook needs a hero, it isn't a runbook. | We treat every cluster as cattle, including the one that runs billing. | Upgrades should be boring; boring is the whole point. || plain: Small, frequent upgrades are easier to roll back than big annual ones. | Alert fatigue is a reliability risk in its own right. | Idle capacity is the quietest line item on a cloud bill.
facts: Corvid Cloud upgraded 212 production clusters from Kubernetes 1.28 to 1.30 over six weeks without a customer-facing outage. | Kestrel Pay moved its payment API to Argo CD in Q2 2024 and cut rollback time from 40 minutes to under five. | The Cloud Native Computing Foundation reports that more than 80 percent of surveyed organisations run Kubernetes in production. | A misconfigured PodDisruptionBudget once blocked node drains across an entire region at Corvid Cloud for nine hours. | Replacing kube-proxy with the Cilium CNI cut p99 service latency by 18 percent in Kestrel Pay's Bengaluru cluster. | Prometheus alert rules are reviewed quarterly, and any alert that never fired in 90 days is deleted. | Spot instances on Google Cloud now carry 60 percent of the team's batch workloads, with graceful termination hooks.
scenes: War Room During a Cluster Upgrade ~ Engineers at Corvid Cloud in London crowd around a wall of Grafana dashboards during a late-night Kubernetes upgrade. | KubeCon Europe Keynote Hall ~ Thousands of attendees fill the keynote hall at KubeCon Europe in Paris as the CNCF logo glows on a giant screen. | Server Racks in Bengaluru ~ Blinking server racks line a cold aisle in a Bengaluru data centre used by Kestrel Pay. | Whiteboard Sketch of a GitOps Pipeline ~ A whiteboard in Salt Lake City shows a hand-drawn GitOps flow from a Git commit through Argo CD into three Kubernetes clusters. | Pager Alert at 3 a.m. ~ An on-call laptop shows a firing Prometheus alert next to a cold cup of coffee in a dark London flat.
@ mediterranean cooking | VDIA | Salt & Olive | Kitchen Coast || tags: mediterranean cooking | recipes | olive oil | seafood | home cooking || orgs: Slow Food | the Mediterranean Diet Foundation | Trattoria Sole | Oliveto Bari || places: Naples | Crete | Beirut | Puglia | Valencia || things: extra virgin olive oil | a paella pan | a wood-fired oven | za'atar | San Marzano tomatoes || events: the Slow Food Terra Madre fair in Turin | the Valencia paella championship | the Puglia olive harvest
people: Chef Elena Marchetti = the chef-owner of Trattoria Sole in Naples | Yannis Papadakis = a fisherman and cook from Crete | Leila Haddad = a food writer based in Beirut | Marco Bellini = an olive oil sommelier in Puglia || subjects: slow-cooked ragù | whole grilled fish | authentic paella | mezze for a crowd | cold-pressed olive oil || views: Olive oil poured in a thin stream over sliced tomatoes. | Fresh bread torn open on a wooden board. || quotes: Good olive oil should make you cough a little. | Paella is a Sunday ritual, not a restaurant dish. | Fish this fresh needs salt, fire and nothing else. || plain: Simple ingredients leave nowhere for mistakes to hide. | Slow cooking turns cheap cuts into something special. | Seasonal produce sets the menu, not the other way round.
facts: Elena Marchetti simmers her Neapolitan ragù for six hours and insists on San Marzano tomatoes grown in volcanic soil near Vesuvius. | In Valencia, a traditional paella uses rabbit, chicken and garrofó beans, and never chorizo. | Yannis Papadakis grills whole sea bream over vine cuttings on a beach in southern Crete. | Leila Haddad's mezze spread in Beirut includes hummus, fattoush, muhammara and labneh drizzled with olive oil. | Puglia produces close to half of Italy's olive oil, and the harvest runs from October into December. | A 2024 tasting panel run by Oliveto Bari scored 38 oils on bitterness, pungency and fruitiness. | Slow Food lists more than 200 Italian products on its Ark of Taste, from Vesuvius apricots to Cetara anchovy sauce.
scenes: Ragù on the Stove in Naples ~ A copper pot of ragù bubbles on a gas stove at Trattoria Sole in Naples while Chef Elena Marchetti tastes from a wooden spoon. | Paella Over an Open Fire in Valencia ~ A wide paella pan sits over an orange-wood fire in a Valencia courtyard, the rice glistening with saffron. | Sea Bream on the Grill in Crete ~ Two whole sea bream blister on a grill grate on a pebble beach in Crete, halved lemons beside them. | Mezze Table in Beirut ~ A long table in Beirut is crowded with small plates of hummus, tabbouleh, olives and warm flatbread. | Olive Harvest in Puglia ~ Workers shake an ancient olive tree in Puglia as green and black olives fall onto a spread net.
@ formula 1 | VDIA | Pit Wall Radio | Lights Out Analysis || tags: formula 1 | motorsport | racing strategy | aerodynamics | grand prix || orgs: Mercedes | Scuderia Ferrari | Red Bull Racing | Pirelli | the FIA || places: Monaco | Silverstone | Suzuka | Monza | Las Vegas || things: the W15 car | the DRS flap | medium compound tyres | ground-effect floors | the halo || events: the Monaco Grand Prix | the British Grand Prix | the Las Vegas Grand Prix | the Japanese Grand Prix
people: Luca Ferrante = a race strategist at Scuderia Ferrari | Hannah Brooks = a trackside reporter | Kenji Watanabe = an aerodynamicist at Red Bull Racing | Dr. Olivia Grant = a tyre engineer at Pirelli || subjects: two-stop tyre strategies | ground-effect aerodynamics | pit stop choreography | wet-weather racing | street circuit qualifying || views: A race car's front wing flexing at speed on a sunny straight. | Tyre marks curling across a wet tarmac corner. || quotes: You don't win Monaco on Sunday, you win it on Saturday. | The undercut only works if the out-lap is perfect. | We found more time in the pit lane than in the wind tunnel this year. || plain: Tyre warm-up can decide a race more than raw pace. | A safety car at the wrong moment can undo a perfect strategy. | Modern cars are extremely sensitive to ride height.
facts: A well-drilled crew at Red Bull Racing can change all four tyres in under two seconds. | At the Monaco Grand Prix, overtaking is so hard that qualifying position decides most of the result. | Pirelli brought its three softest compounds to Suzuka, where high-energy corners punish the front-left tyre. | Mercedes introduced a revised floor on the W15 at Silverstone, claiming a tenth of a second per lap. | The FIA's 2026 regulations will cut car weight by 30 kilograms and raise electrical power to about half of the total. | The Las Vegas Grand Prix runs past the Bellagio fountains at night, with track temperatures often below 15°C. | Monza's long straights mean teams strip downforce, and top speeds exceed 350 km/h on the run to the first chicane.
scenes: Pit Stop at Silverstone ~ Mechanics in red overalls swarm a Scuderia Ferrari car during a pit stop at Silverstone, wheel guns raised. | Night Race on the Las Vegas Strip ~ A Formula 1 car streaks past illuminated casinos on the Las Vegas Strip, sparks flying from its floor. | Harbour Chicane in Monaco ~ Cars thread the swimming pool chicane in Monaco as yachts crowd the harbour behind the barriers. | Rain at Suzuka ~ Spray billows behind a car on intermediate tyres through the esses at Suzuka under heavy cloud. | Tyre Blankets in the Monza Paddock ~ Stacks of Pirelli tyres with yellow medium-compound sidewalls warm under blankets in the Monza paddock.
@ marine biology | VDIA | Deep Blue Notes | Reef Watch || tags: marine biology | coral reefs | ocean science | biodiversity | whales || orgs: the Australian Institute of Marine Science | the Monterey Bay Aquarium Research Institute | JAMSTEC | the Schmidt Ocean Institute || places: the Great Barrier Reef | Monterey Bay | the Galápagos Islands | the Azores | Okinawa || things: remotely operated vehicles | eDNA sampling kits | hydrophones | coral nurseries || events: the global coral bleaching event | the UN Ocean Conference in Nice | World Oceans Day
people: Dr. Isla Fenwick = a coral ecologist at the Australian Institute of Marine Science | Mateo Quispe = a marine biologist who studies humpback whales | Dr. Aiko Tanaka = a deep-sea researcher at JAMSTEC | Noah Abernathy = an underwater cameraman || subjects: coral bleaching | humpback whale song | deep-sea hydrothermal vents | kelp forest recovery | reef restoration || views: Sunlight rays filtering down through clear blue water. | A small reef fish sheltering among branching coral. || quotes: A bleached reef isn't dead yet, but it's running out of time. | Whales are cultural animals; their songs prove it. | We've mapped the Moon better than our own sea floor. || plain: Warmer water stresses corals within weeks. | Most of the deep ocean remains unexplored. | Predators often hold entire ecosystems in balance.
facts: NOAA confirmed in April 2024 that the world was in its fourth global coral bleaching event. | Aerial surveys by the Australian Institute of Marine Science found bleaching on more than 70 percent of reefs surveyed on the Great Barrier Reef in 2024. | Humpback whales off the Azores change their songs every season, and new phrases spread across entire populations. | The remotely operated vehicle SuBastian, run by the Schmidt Ocean Institute, found animal communities living beneath hydrothermal vents off the Galápagos. | Kelp cover in Monterey Bay has partly recovered since sea otters returned to feed on purple urchins. | A single eDNA sample of seawater can reveal traces of more than 100 fish species. | Coral nurseries in Okinawa grow fragments on rope lines before transplanting them back onto damaged reef.
scenes: Bleached Coral on the Great Barrier Reef ~ A diver hovers over bone-white staghorn coral on the Great Barrier Reef during the 2024 bleaching event. | Humpback Breach off the Azores ~ A humpback whale breaches off the Azores, water streaming from its long pectoral fins. | ROV Launch in the Galápagos ~ Crew aboard the research vessel Falkor (too) lower a yellow remotely operated vehicle into the sea near the Galápagos Islands. | Kelp Forest in Monterey Bay ~ Sunlight filters through towering kelp in Monterey Bay as a sea otter drifts at the surface. | Coral Nursery Ropes in Okinawa ~ Coral fragments hang from underwater ropes at a restoration nursery off Okinawa, tended by two divers.
@ climate policy | VDIA | Policy Heat | Paris Ledger TV | noprod || tags: climate policy | emissions | carbon markets | climate negotiations | adaptation || orgs: the European Commission | the UNFCCC | the World Bank | the Green Climate Fund || places: Baku | Belém | Brussels | Bonn | Tuvalu || things: the EU Emissions Trading System | the Carbon Border Adjustment Mechanism | nationally determined contributions | the loss and damage fund || events: COP29 in Baku | COP30 in Belém | the Bonn climate talks
people: Ambassador Farida Nasser = a lead negotiator for the Alliance of Small Island States | Dr. Henrik Vogel = a carbon-market economist in Brussels | Catalina Rojas = a climate finance analyst at the World Bank | Samuel Adeyemi = a youth delegate from Lagos || subjects: the new climate finance goal | carbon border taxes | loss and damage payments | methane pledges | national climate plans || views: A crowded conference room with translation headsets on every desk. | Waves breaking over a low sea wall. || quotes: For us, 1.5 degrees is not a target, it's a survival line. | A carbon price without a border adjustment just exports emissions. | Finance is the language every negotiation eventually speaks. || plain: Climate deals are often won in the final sleepless hours. | Adaptation funding still lags far behind mitigation. | Carbon pricing changes investment decisions slowly but steadily.
facts: At COP29 in Baku in November 2024, countries agreed a goal of at least 300 billion dollars a year in climate finance by 2035. | The EU's Carbon Border Adjustment Mechanism entered its transitional reporting phase in October 2023, covering steel, cement, aluminium and fertilisers. | Tuvalu has signed a treaty with Australia that offers residents a migration pathway as sea levels rise. | The loss and damage fund, hosted by the World Bank, began collecting pledges after COP28 in Dubai. | Prices in the EU Emissions Trading System hovered between 60 and 90 euros per tonne through much of 2024. | Countries were due to submit updated nationally determined contributions ahead of COP30 in Belém. | The Bonn talks each June handle the technical groundwork that ministers finalise at the annual COP.
scenes: Plenary Hall at COP29 ~ Delegates crowd the plenary hall at COP29 in Baku as the final text is gavelled through in the early hours. | King Tide in Tuvalu ~ Seawater washes over a narrow road in Funafuti, Tuvalu, during a king tide. | Protest Outside the Berlaymont ~ Climate activists hold banners outside the European Commission's Berlaymont building in Brussels. | Negotiators in a Bonn Corridor ~ Negotiators huddle over printed drafts in a corridor of the World Conference Center in Bonn. | The Amazon near Belém ~ The Guamá River curls through rainforest on the edge of Belém, host city of COP30.
@ transformer models | VDIA | Attention Span | Model Internals || tags: machine learning | transformers | large language models | deep learning | nlp || orgs: Google DeepMind | Hugging Face | MIT | Lumen Labs$ | Meta AI || places: London | Paris | Cambridge, Massachusetts | Toronto || things: PyTorch | FlashAttention | mixture-of-experts layers | LoRA adapters | rotary position embeddings || events: NeurIPS in Vancouver | ICML in Vienna | the Hugging Face open-source summit
people: Dr. Ananya Iyer = a research scientist at Google DeepMind | Felix Wagner = an ML engineer at Hugging Face | Dr. Grace Oduya = a professor of computer science at MIT | Oren Shapiro = co-founder of Lumen Labs || subjects: efficient attention | fine-tuning with adapters | scaling laws | long-context models | model evaluation || views: A colourful heatmap of attention weights on a dark screen. | Rows of GPUs with green status lights. || quotes: Attention is cheap until your context window isn't. | Most of our gains this year came from data, not architecture. | Evaluation is the hardest unsolved problem in the field. || plain: Bigger models are not always better for narrow tasks. | Fine-tuning a small model can beat prompting a large one. | Benchmarks saturate faster than anyone expects.
facts: The original transformer paper, published in 2017, replaced recurrence entirely with self-attention. | FlashAttention speeds up attention by tiling the computation so data stays in fast on-chip GPU memory. | Lumen Labs fine-tuned a 7-billion-parameter model with LoRA adapters on a single A100 in under 12 hours. | Mixture-of-experts layers route each token to a handful of experts, so only a fraction of the parameters is active per step. | Felix Wagner's benchmark on the Hugging Face hub compared 14 open models on multilingual question answering. | Rotary position embeddings help models cope with sequences longer than those seen during training. | A group at MIT showed that small models trained on curated data can match larger ones on reasoning benchmarks.
scenes: Poster Session at NeurIPS ~ Researchers crowd around a poster on sparse attention at NeurIPS in Vancouver. | GPU Cluster at Lumen Labs ~ Racks of NVIDIA H100 GPUs glow green in the Lumen Labs training cluster outside Toronto. | Attention Heatmap on a Monitor ~ A monitor in Hugging Face's Paris office shows an attention heatmap over a French sentence. | Chalkboard Lecture at MIT ~ Dr. Grace Oduya sketches a transformer block on a chalkboard at MIT in Cambridge, Massachusetts. | Hackathon in London ~ Engineers at a Google DeepMind hackathon in London pair-program on laptops covered in stickers.
@ renaissance art | VDI | Brushstrokes | Old Masters Up Close | noprod || tags: renaissance art | art history | painting | museums | conservation || orgs: the Uffizi Galleries | the Louvre | the Vatican Museums | the National Gallery || places: Florence | Rome | Venice | Paris | London || things: tempera on panel | infrared reflectography | fresco | sfumato | lapis lazuli ultramarine || events: the Uffizi's Botticelli retrospective | the Michelangelo drawings exhibition at the British Museum | the Sistine Chapel restoration anniversary
people: Dr. Giulia Rossetti = a curator at the Uffizi Galleries | Professor Edmund Hale = an art historian at the Courtauld Institute | Sabine Moreau = a paintings conservator at the Louvre | Nikolai Petrov = a restoration specialist in Venice || subjects: Botticelli's Birth of Venus | the Sistine Chapel ceiling | Leonardo's sfumato technique | Venetian colour | workshop practice in Florence || views: Cracked varnish catching the light on an old panel painting. | Gilded frames lining a long, dim gallery. || quotes: Every restoration is an argument with the past. | Botticelli paints air as if it were silk. | You only understand fresco once you've seen how fast it dries. || plain: Pigments were often worth more than the painter's time. | Underdrawings show how artists changed their minds. | Workshops produced many paintings credited to a single master.
facts: Botticelli painted The Birth of Venus in tempera on canvas around 1485, an unusual support at the time in Florence. | Michelangelo spent four years, from 1508 to 1512, painting the Sistine Chapel ceiling for Pope Julius II. | Infrared reflectography at the Louvre revealed underdrawing changes beneath the Mona Lisa's hands. | Venetian painters such as Titian built colour in translucent glazes rather than relying on drawing. | Ultramarine ground from Afghan lapis lazuli cost more than gold in 15th-century Florence. | The National Gallery in London holds Leonardo's Virgin of the Rocks, one of two versions he painted. | Nikolai Petrov's team in Venice spent 14 months cleaning a Tintoretto altarpiece damaged by humidity.
scenes: The Birth of Venus at the Uffizi ~ Visitors gather in front of Botticelli's Birth of Venus in a crowded room of the Uffizi Galleries in Florence. | Sistine Chapel Ceiling ~ The Creation of Adam on the Sistine Chapel ceiling in Rome, seen from directly below. | Conservator at Work in the Louvre ~ Sabine Moreau examines a Renaissance panel under a magnifying lamp in the Louvre's conservation studio in Paris. | Scaffolding in a Venetian Church ~ Restorers on scaffolding clean a Tintoretto altarpiece inside a church in Venice. | Infrared Scan of a Panel Painting ~ An infrared image reveals charcoal underdrawing beneath a Madonna painted in Florence around 1470.
@ jazz history | VDIA | Late Set Radio | Swing Archive | music | noprod || tags: jazz | music history | bebop | live music | improvisation || orgs: the Smithsonian | Jazz at Lincoln Center | Preservation Hall | Blue Lantern Records || places: New Orleans | Harlem | Chicago | Havana | Montreux || things: the Hammond B3 organ | 78 rpm shellac records | a Selmer Mark VI saxophone | modal improvisation || events: the Montreux Jazz Festival | the New Orleans Jazz & Heritage Festival | International Jazz Day
people: Dr. Marcus Bell = a jazz historian at Tulane University | Celeste Dumont = a pianist and bandleader | Rafael Ortiz = a tenor saxophonist from Havana | Winifred Sutton = a record archivist in Chicago || subjects: the birth of bebop | modal jazz | New Orleans brass bands | Afro-Cuban jazz | jazz on vinyl || views: A saxophone resting on a chair in an empty club. | A needle dropping onto a spinning vinyl record. || quotes: Bebop was a young musicians' revolt against the dance floor. | You learn this music on the bandstand, not in a book. | Every old record is a letter from someone who isn't here any more. || plain: Improvisation rewards listening as much as technique. | Small clubs shaped the music more than big concert halls. | Many early recordings survive only as worn discs.
facts: Bebop took shape in Harlem clubs such as Minton's Playhouse in the early 1940s. | Miles Davis recorded Kind of Blue in 1959, and it remains one of the best-selling jazz albums ever made. | Preservation Hall in New Orleans has hosted nightly traditional jazz sets since 1961. | The Montreux Jazz Festival began in 1967 and now draws more than 200,000 visitors each July. | Winifred Sutton has digitised over 3,000 shellac records donated to a Chicago archive. | Afro-Cuban jazz fused bebop harmony with clave rhythms after Dizzy Gillespie met Chano Pozo in 1947. | Blue Lantern Records reissued 24 out-of-print Chicago sessions on vinyl in 2024.
scenes: Brass Band on Frenchmen Street ~ A brass band plays to a packed crowd on Frenchmen Street in New Orleans, a sousaphone gleaming under string lights. | Stage at Montreux ~ A saxophonist solos under blue stage lights at the Montreux Jazz Festival, Lake Geneva visible through the windows. | Record Archive in Chicago ~ Shelves of shellac records in paper sleeves fill a climate-controlled archive room in Chicago. | Jam Session in Havana ~ Rafael Ortiz plays tenor saxophone in a crowded Havana bar as congas keep time behind him. | Harlem Street Corner ~ The marquee of the Apollo Theater lights up 125th Street in Harlem on a rainy evening.
@ urban cycling | VDIA | Two Wheels Urban | Bike Lane Diaries || tags: urban cycling | transport | city planning | bike lanes | active travel || orgs: the City of Amsterdam | Transport for London | Pedalkraft | the European Cyclists' Federation || places: Amsterdam | Copenhagen | Bogotá | Paris | Rotterdam || things: protected bike lanes | cargo bikes | e-bikes | bike-share docks | the Vélib' system || events: Bogotá's Sunday Ciclovía | Velo-city in Ghent | Car-Free Day in Paris
people: Femke de Vries = a traffic engineer for the City of Amsterdam | Carlos Mendoza = an organiser of Bogotá's Ciclovía | Sarah Whitfield = a cycling reporter in London | Jonas Brandt = founder of the cargo-bike startup Pedalkraft || subjects: protected bike lanes | cargo-bike deliveries | e-bike commuting | car-free streets | secure bike parking || views: A rain-slicked bike lane reflecting traffic lights. | A row of parked bicycles chained to a railing. || quotes: Paint is not protection; kerbs are. | Once parents feel safe, the whole city starts cycling. | A cargo bike is the most efficient delivery vehicle on a dense street. || plain: Safe junctions matter more than long straight lanes. | Parking is often the missing piece of a cycling network. | Electric assistance brings hills and longer commutes within reach.
facts: Amsterdam's central station has an underwater bike garage with space for 7,000 bicycles. | Bogotá closes more than 120 kilometres of roads to cars every Sunday for the Ciclovía. | Paris saw cycling trips more than double on some routes after adding protected lanes on the Rue de Rivoli. | Copenhagen's Cykelslangen bridge carries around 20,000 cyclists on a typical weekday. | Pedalkraft's cargo bikes replaced 40 delivery vans in central Berlin during a 2024 pilot. | Transport for London counted a 10 percent rise in weekday cycle journeys compared with two years earlier. | E-bikes now account for more than half of new bicycle sales in the Netherlands.
scenes: Erasmus Bridge at Dusk ~ A cyclist crosses the Erasmus Bridge in Rotterdam at dusk, the bridge's white pylon lit against a violet sky. | Underwater Bike Garage in Amsterdam ~ Thousands of bicycles fill two-tier racks in the underwater garage beneath Amsterdam Centraal. | Ciclovía Sunday in Bogotá ~ Families ride and skate down Carrera Séptima in Bogotá during the Sunday Ciclovía. | Rush Hour on the Rue de Rivoli ~ A stream of commuters on Vélib' bikes pedals along the protected lane on the Rue de Rivoli in Paris. | Cargo Bike Delivery in Copenhagen ~ A courier loads parcels into a cargo bike outside a bakery in Copenhagen's Nørrebro district.
@ supply chain | VDIA | Freight Lines | Dock to Door | biz || tags: supply chain | logistics | shipping | inventory | ports || orgs: Maersk | the Port of Rotterdam | Northwind Logistics$ | the Suez Canal Authority || places: Rotterdam | Shenzhen | Singapore | the Suez Canal | Memphis || things: twenty-foot equivalent containers | RFID pallet tags | warehouse management systems | demand-forecasting models || events: the Red Sea shipping crisis | the Q4 peak season | the Baltimore bridge collapse
people: Rebecca Thornton = chief operating officer of Northwind Logistics | Ahmed El-Sayed = a port operations manager in Rotterdam | Li Wei = a procurement director in Shenzhen | Jorge Castillo = a freight analyst at Maersk || subjects: Red Sea rerouting | nearshoring to Mexico | safety stock planning | port automation | last-mile delivery || views: Stacks of shipping containers in faded red, blue and green. | A forklift moving pallets down a warehouse aisle. || quotes: Resilience costs money until the day it saves the quarter. | Every extra week at sea is a week of inventory you're paying for. | We stopped optimising for cheapest and started optimising for predictable. || plain: Lead times matter as much as unit prices. | A single chokepoint can ripple through global freight for months. | Better forecasts reduce both stockouts and overstock.
facts: Attacks in the Red Sea pushed many carriers around the Cape of Good Hope from January 2024, adding 10 to 14 days to Asia–Europe voyages. | Northwind Logistics cut average warehouse dwell time from 6.2 to 4.1 days after rolling out RFID pallet tags. | The Port of Rotterdam handled about 13.4 million TEU in 2023, the most of any European port. | Container spot rates from Shanghai to Rotterdam more than tripled between December 2023 and July 2024. | Li Wei's team in Shenzhen now dual-sources 30 percent of components from suppliers in Vietnam and Mexico. | The collapse of Baltimore's Francis Scott Key Bridge in March 2024 closed the port's main channel for 11 weeks. | Automated stacking cranes at Maasvlakte II in Rotterdam operate with nobody in the cab.
scenes: Container Ship in the Suez Canal ~ A fully laden container ship passes through the Suez Canal near Ismailia, desert on both banks. | Automated Cranes at Maasvlakte II ~ Remote-controlled cranes unload containers at the Maasvlakte II terminal in Rotterdam under a grey sky. | Night Shift at a Memphis Hub ~ Parcels stream along conveyor belts at a Northwind Logistics sorting hub in Memphis during the night shift. | Electronics Line in Shenzhen ~ Workers in blue smocks assemble circuit boards on a production line in Shenzhen. | Container Stacks in Singapore ~ Colourful containers are stacked six high at the Port of Singapore, cranes silhouetted at sunset.
@ cybersecurity incidents | VDIA | Breach Report | Blue Team Live | biz || tags: cybersecurity | ransomware | incident response | data breach | security operations || orgs: Sentinel Forge$ | Halberd Bank | Europol | CISA | Microsoft || places: Amsterdam | Washington, D.C. | Tallinn | Singapore || things: ransomware | endpoint detection and response | multi-factor authentication | phishing kits | zero-day exploits || events: Black Hat USA in Las Vegas | the global IT outage of July 2024 | the Locked Shields exercise in Tallinn
people: Nadia Petrova = head of incident response at Sentinel Forge | Marcus Levi = chief information security officer at Halberd Bank | Dr. Chen Yu = a malware researcher in Singapore | Aisha Bello = a threat intelligence analyst at Europol || subjects: ransomware negotiations | phishing-resistant MFA | incident response playbooks | supply-chain attacks | security operations centres || views: Lines of red alerts scrolling across a dark monitor. | A padlock icon on a laptop screen in a dim room. || quotes: Assume breach, then make it expensive. | The first hour of an incident decides the next month. | Attackers don't hack in, they log in. || plain: Backups only help if they have been tested. | Most intrusions still begin with a stolen password. | Clear communication during a breach protects trust.
facts: A faulty security update on 19 July 2024 crashed roughly 8.5 million Windows machines, grounding flights and disrupting hospitals. | Sentinel Forge contained a ransomware intrusion at a Dutch hospital group within 36 hours by isolating 400 endpoints. | Europol's Operation Cronos disrupted the LockBit ransomware group in February 2024. | Halberd Bank moved all 12,000 staff to hardware security keys and saw successful phishing drop to zero within six months. | CISA's catalogue of known exploited vulnerabilities passed 1,200 entries by late 2024. | Locked Shields in Tallinn is one of the largest live-fire cyber defence exercises in the world, with over 4,000 participants. | Dr. Chen Yu traced a phishing kit sold on Telegram to a group targeting payroll systems in Singapore.
scenes: Security Operations Centre at Night ~ Analysts at Sentinel Forge's security operations centre in Amsterdam watch a wall of threat maps at midnight. | Airport Screens During the Outage ~ Departure boards at an airport show blue error screens during the July 2024 global IT outage. | Locked Shields Exercise in Tallinn ~ Teams of defenders work at rows of laptops during the Locked Shields exercise in Tallinn. | Hardware Security Keys on a Desk ~ A tray of hardware security keys waits to be issued to Halberd Bank employees in Amsterdam. | Black Hat Briefing Room ~ A researcher demonstrates a zero-day exploit on stage at Black Hat USA in Las Vegas.
@ mars exploration | VDIA | Red Planet Dispatch | Mission Control Notes || tags: mars | space exploration | planetary science | rovers | nasa || orgs: NASA | the Jet Propulsion Laboratory | the European Space Agency | Arcturus Aerospace | SpaceX || places: Jezero Crater | Pasadena | Gale Crater | Olympus Mons | Toulouse || things: the Perseverance rover | the Ingenuity helicopter | the Rosalind Franklin rover | sample return tubes | Starship || events: the Mars Sample Return review | the Perseverance landing anniversary | the International Astronautical Congress in Milan
people: Dr. Kavya Menon = a planetary geologist at NASA's Jet Propulsion Laboratory | Thomas Reinholt = a rover driver on the Perseverance mission | Dr. Yusuf Kaya = an astrobiologist with the European Space Agency | Elise Fontaine = a systems engineer at Arcturus Aerospace || subjects: Mars sample return | rover driving | ancient river deltas | the search for biosignatures | crewed Mars missions || views: Rust-red dust and scattered rocks under a pale butterscotch sky. | A rover's wheel tracks curving across fine sand. || quotes: Every sample tube is a question we can't answer until it comes home. | Driving on Mars is chess with a 20-minute delay. | If life ever started there, the delta is where it left a note. || plain: Radio signals take several minutes to travel between the planets. | Dust storms can cover the whole planet for weeks. | Ancient lake beds are prime targets in the search for life.
facts: Perseverance landed in Jezero Crater in February 2021 and has since sealed more than 20 rock and soil samples. | The Ingenuity helicopter completed 72 flights before a damaged rotor ended its mission in January 2024. | In July 2024 Perseverance found a rock nicknamed Cheyava Falls with leopard-spot patterns that could hint at ancient microbial life. | NASA asked industry in 2024 for cheaper, faster ways to bring Mars samples back to Earth. | Olympus Mons rises about 22 kilometres above the surrounding plains, nearly three times the height of Everest. | The European Space Agency's Rosalind Franklin rover is due to launch in 2028 with a drill that reaches two metres below the surface. | Rover drivers at the Jet Propulsion Laboratory in Pasadena plan each day's route using 3D terrain maps and stereo glasses.
scenes: Delta Cliffs in Jezero Crater ~ Layered sedimentary cliffs rise above the floor of Jezero Crater in a mosaic captured by the Perseverance rover. | Rover Operations Room in Pasadena ~ Engineers wearing 3D glasses plan a rover drive in the operations room at the Jet Propulsion Laboratory in Pasadena. | Ingenuity's Final Resting Place ~ The Ingenuity helicopter sits on a rippled dune in Jezero Crater, one rotor blade broken, photographed from a distance by Perseverance. | Rover Wheel Tests in Toulouse ~ Technicians in clean suits test the Rosalind Franklin rover's wheels in a facility in Toulouse. | Olympus Mons from Orbit ~ A mosaic from orbit shows the vast caldera of Olympus Mons, rimmed by steep cliffs.
@ sleep science | VDA | Night Shift Science | Sleep Lab Sessions || tags: sleep science | health | circadian rhythm | neuroscience | wellbeing || orgs: Stanford Medicine | the Karolinska Institute | Somnia Health | the National Sleep Foundation || places: Stockholm | Palo Alto | Mumbai | Tromsø || things: polysomnography | melatonin | the Oura Ring | CPAP machines | blue-light filters || events: World Sleep Day | the SLEEP annual meeting in Houston | the switch to daylight saving time
people: Dr. Hannah Okoro = director of the sleep laboratory at Stanford Medicine | Professor Magnus Eriksen = a chronobiologist at the Karolinska Institute | Dr. Riya Kapoor = a sleep physician in Mumbai | Benjamin Harlow = a product manager at Somnia Health || subjects: circadian rhythms | sleep apnea | teenage sleep and school start times | the science of napping | shift work || views: A dark bedroom lit only by the glow of an alarm clock. | Brainwave traces scrolling across a monitor. || quotes: Sleep is the cheapest performance enhancer we know of. | Your body clock doesn't care what the wall clock says. | Most people don't know they snore until someone records it. || plain: Consistent wake times matter more than early bedtimes. | Morning light helps reset the body clock. | Chronic short sleep affects mood, memory and metabolism.
facts: Adults who sleep fewer than six hours a night show measurable drops in attention within a week. | A Karolinska Institute study found that daylight saving time transitions briefly raise rates of heart attacks. | In Tromsø, where the sun does not rise for about two months, residents rely on bright-light therapy in winter. | Somnia Health's home test replaced overnight polysomnography for 70 percent of suspected apnea cases in a 2024 trial. | Pushing school start times to 8:30 a.m. gave teenagers in one Seattle study about 34 extra minutes of sleep. | Melatonin is sold over the counter in the United States but needs a prescription in much of Europe. | CPAP machines keep airways open with pressurised air and remain the first-line treatment for obstructive sleep apnea.
scenes: Sleep Lab Bedroom at Stanford ~ A volunteer wired with electrodes sleeps in a dimly lit lab bedroom at Stanford Medicine in Palo Alto. | Polar Night in Tromsø ~ Streetlights glow at noon in Tromsø during the polar night, snow piled along the harbour. | Monitoring Station in Stockholm ~ A technician at the Karolinska Institute in Stockholm watches brainwave traces from an overnight study. | Wearable Tracker on a Nightstand ~ A sleep-tracking ring charges beside a bed in a Mumbai apartment, its app showing last night's sleep stages.
@ football tactics | VDIA | The False Nine | Tactics Board | noprod || tags: football | tactics | champions league | coaching | match analysis || orgs: Real Madrid | Manchester City | Borussia Dortmund | UEFA | Bayer Leverkusen || places: Madrid | Manchester | Dortmund | Wembley Stadium | Berlin || things: the inverted full-back | a high press | expected goals models | a back three | optical tracking data || events: the Champions League final | Euro 2024 in Germany | the Club World Cup in the United States
people: Diego Alcántara = an assistant coach at Real Madrid | Emma Lindgren = a performance analyst at Manchester City | Kwame Mensah = a former midfielder turned pundit | Stefan Kowalski = a youth academy director in Dortmund || subjects: pressing traps | inverted full-backs | set-piece design | building from the back | expected goals || views: A tactics board with magnetic counters set out in a 4-3-3. | Floodlights over a rain-soaked pitch. || quotes: The press starts with the striker, but it's won by the full-backs. | Data tells you where to look; it doesn't tell you what you'll see. | Set pieces are the cheapest goals in football. || plain: Compact defensive shapes make space the scarcest resource. | Pressing requires the whole team to move as one. | Good analysis turns hours of video into a few clear messages.
facts: Real Madrid beat Borussia Dortmund 2–0 in the Champions League final at Wembley Stadium in June 2024. | Bayer Leverkusen went the whole 2023–24 Bundesliga season unbeaten on the way to their first league title. | Spain won Euro 2024 in Berlin, beating England 2–1 in the final in July 2024. | Manchester City's inverted full-backs step into midfield to create a box of four in possession. | Emma Lindgren's analysts tag roughly 3,000 events per match using optical tracking data. | Set pieces have produced close to a third of Premier League goals in some recent seasons. | Expected goals models estimate the chance a shot goes in from its location, angle and type of assist.
scenes: Champions League Final at Wembley ~ Real Madrid players lift the trophy under a shower of confetti at Wembley Stadium after the Champions League final. | Pressing Drill in Dortmund ~ Youth players run a pressing drill between cones at Borussia Dortmund's training ground. | Yellow Wall at Signal Iduna Park ~ The Yellow Wall terrace at Signal Iduna Park in Dortmund waves scarves before kick-off. | Analyst's Laptop at the Etihad ~ A performance analyst reviews tracking-data clips on a laptop in the press box at the Etihad Stadium in Manchester. | Euro 2024 Final in Berlin ~ Spain's players celebrate in front of their fans at the Olympiastadion in Berlin after the Euro 2024 final.
@ coffee roasting | VDIA | Crema Talk | Roast Profiles || tags: coffee | roasting | specialty coffee | brewing | agriculture || orgs: Fjord Coffee | Ember & Oak Roasters | the Specialty Coffee Association | World Coffee Research || places: Oslo | Minas Gerais | Yirgacheffe | Melbourne | Huila || things: a Probat drum roaster | the Agtron scale | washed Ethiopian beans | V60 pour-over | a cupping spoon || events: the World Barista Championship | the World of Coffee expo in Copenhagen | the Ethiopian harvest
people: Ingrid Solberg = head roaster at Fjord Coffee in Oslo | Mateus Carvalho = a coffee farmer in Minas Gerais | Dr. Naomi Clarke = a sensory scientist | Kofi Asante = a green-coffee buyer at Ember & Oak Roasters || subjects: light roast profiles | cupping and grading | single-origin espresso | coffee and climate change | the first crack || views: Freshly roasted coffee beans cooling in a steel tray. | A pour-over cone dripping into a glass carafe. || quotes: First crack is where the coffee tells you it's ready. | Great roasting only reveals what the farmer already built. | Climate change is the biggest threat to the cup we love. || plain: Roast time and temperature shape acidity and body. | Fresh beans usually rest a few days before brewing. | Farmers capture only a small share of the retail price.
facts: Arabica prices hit their highest level in decades in late 2024 after drought in Brazil and Vietnam. | Fjord Coffee roasts its Ethiopian lots to an Agtron reading near 70, dropping the beans about 90 seconds after first crack. | Cupping protocols from the Specialty Coffee Association score coffees out of 100, and anything above 80 counts as specialty. | Mateus Carvalho switched a third of his farm in Minas Gerais to shade-grown trees to cope with rising temperatures. | Washed coffees from Yirgacheffe are prized for jasmine and bergamot notes. | World Coffee Research warns that land suitable for arabica could shrink by half by 2050. | Ember & Oak Roasters sold out a micro-lot from Huila, Colombia, in under three hours in May 2024.
scenes: Drum Roaster in Oslo ~ Beans tumble in the cooling tray of a Probat drum roaster at Fjord Coffee in Oslo, steam rising. | Cherry Harvest in Minas Gerais ~ Pickers strip ripe red coffee cherries from branches on a hillside in Minas Gerais. | Cupping Table in Melbourne ~ Rows of cupping bowls line a table at a Melbourne roastery as tasters break the crust with spoons. | Drying Beds in Yirgacheffe ~ Raised drying beds covered in coffee cherries stretch across a washing station in Yirgacheffe, Ethiopia. | Barista Championship Stage ~ A competitor pours latte art on stage at the World Barista Championship as judges lean in.
@ electric vehicles | VDIA | Charge Point | EV Garage | biz || tags: electric vehicles | batteries | charging | automotive | clean transport || orgs: Tesla | BYD | Volkswagen | Voltway$ | Toyota || places: Nevada | Shenzhen | Wolfsburg | Oslo | Austin || things: the Tesla Model 3 | the BYD Seal | solid-state batteries | 350 kW fast chargers | the Volkswagen ID.4 || events: the IAA Mobility show in Munich | the Beijing auto show | the Goodwood Festival of Speed
people: Ravi Subramanian = a battery engineer at Tesla's Nevada gigafactory | Clara Hoffmann = head of product at Volkswagen | Jun Park = a charging-network planner at Voltway | Lucía Navarro = an automotive journalist in Madrid || subjects: battery gigafactories | fast-charging networks | solid-state cells | used EV prices | EV adoption in Norway || views: A charging cable plugged into a car's flank on a rainy evening. | A battery pack laid bare on a workshop floor. || quotes: Range anxiety is really charger anxiety. | The battery is the car now; everything else is packaging. | Charging should feel as ordinary as filling up once did. || plain: Cold weather still reduces driving range noticeably. | Battery prices have fallen sharply over the past decade. | Home charging covers most daily driving.
facts: Fully electric cars took more than 88 percent of new car sales in Norway in 2024. | BYD overtook Tesla in quarterly battery-electric sales in the fourth quarter of 2023. | Tesla's gigafactory outside Reno, Nevada, builds battery packs and drive units under a single enormous roof. | Toyota has said it aims to launch its first solid-state battery cars around 2027 or 2028. | Voltway installed 1,100 fast chargers along European motorways in 2024, most of them rated at 350 kW. | A refreshed Tesla Model 3 went on sale in late 2023 with a quieter cabin and longer range. | The Volkswagen ID.4 is assembled in Zwickau in Germany and in Chattanooga, Tennessee.
scenes: Inside the Battery Gigafactory in Nevada ~ Robotic arms move battery modules along an assembly line inside Tesla's gigafactory near Reno, Nevada. | Fast Chargers on a Norwegian Highway ~ A row of electric cars charges at a Voltway station beside a snowy highway outside Oslo. | BYD Seal on the Shenzhen Waterfront ~ A blue BYD Seal is parked on the waterfront in Shenzhen with the city's skyline behind it. | Assembly Line in Wolfsburg ~ Workers fit dashboards to cars on the Volkswagen assembly line in Wolfsburg. | Crash Test near Austin ~ A high-speed camera captures an electric SUV striking a barrier at a test centre near Austin.
@ quantum computing | VDIA | Qubit Quarterly | Superposition Sessions | biz || tags: quantum computing | qubits | physics | cryptography | error correction || orgs: IBM | Google Quantum AI | Qubitra$ | NIST | the University of Waterloo || places: Zurich | Waterloo, Ontario | Santa Barbara | Delft || things: superconducting qubits | the Willow chip | dilution refrigerators | trapped-ion processors | post-quantum encryption standards || events: IEEE Quantum Week | the Q2B conference in Silicon Valley | NIST's post-quantum standards release
people: Dr. Lena Richter = a quantum hardware lead at IBM Research in Zurich | Professor Arjun Mehta = a physicist at the University of Waterloo | Dr. Sung-min Cho = co-founder of Qubitra | Helena Sørensen = a post-quantum cryptography specialist at NIST || subjects: quantum error correction | post-quantum cryptography | cryogenic engineering | quantum advantage claims | trapped-ion hardware || views: Tangled coaxial cables running into a gold cryostat. | Laser beams crossing an optical table in a dark lab. || quotes: Error correction is where quantum computing stops being a demo. | Harvest now, decrypt later is already happening. | A qubit is fragile the way a soap bubble is fragile. || plain: Noise is the central obstacle for today's quantum hardware. | Migrating cryptography takes years in large organisations. | Useful quantum applications will probably start in chemistry.
facts: Google Quantum AI's Willow chip, unveiled in December 2024, showed error rates falling as more qubits were added to a logical qubit. | NIST published its first three post-quantum cryptography standards in August 2024. | Dilution refrigerators cool superconducting qubits to about 10 millikelvin, colder than outer space. | IBM's Heron processor has 133 qubits and a tunable-coupler design that reduces crosstalk. | Qubitra raised 48 million dollars to build trapped-ion processors in Delft. | Logical qubits combine many physical qubits so that errors can be detected and corrected on the fly. | Helena Sørensen advises agencies to inventory every system that relies on RSA before migrating.
scenes: Dilution Refrigerator Chandelier ~ The gold-plated chandelier of a dilution refrigerator hangs open at IBM Research in Zurich. | Clean Room in Delft ~ Engineers in white suits inspect a wafer of qubit chips in a clean room in Delft. | Quantum Chip Close-up ~ A square quantum chip sits on a lab bench in Santa Barbara under a magnifying lamp. | Ion Trap Laser Table ~ Blue and violet laser beams crisscross an optical table in a Qubitra laboratory in Delft. | Bloch Sphere Lecture at Waterloo ~ Professor Arjun Mehta draws a Bloch sphere on a whiteboard at the University of Waterloo.
@ wildlife conservation | VDIA | Wild Frontiers | Field Notes TV | noprod || tags: wildlife conservation | biodiversity | endangered species | national parks | rewilding || orgs: WWF | the Kenya Wildlife Service | South African National Parks | Panthera || places: Amboseli | Kruger National Park | the Pantanal | the Scottish Highlands | Borneo || things: GPS collars | camera traps | anti-poaching drones | wildlife corridors || events: the COP16 biodiversity summit in Cali | World Rhino Day | the annual wildebeest migration
people: Dr. Wanjiru Kamau = an elephant researcher in Amboseli | Pieter van der Merwe = a rhino ranger in Kruger National Park | Dr. Lucía Ferreira = a jaguar biologist in the Pantanal | Tom Ashby = a rewilding project manager in Scotland || subjects: elephant corridors | rhino anti-poaching work | jaguar tracking | rewilding the Highlands | orangutan habitat || views: Animal tracks pressed into red dust. | A camera trap strapped to a tree trunk. || quotes: Elephants remember routes that their grandmothers walked. | A dehorned rhino is a living rhino. | Rewilding is about giving nature back its tools. || plain: Habitat loss remains the biggest threat to most species. | Local communities make or break conservation projects. | Corridors let isolated populations mix again.
facts: Amboseli's elephants have been studied continuously since 1972, one of the longest-running wildlife studies anywhere. | Rangers in Kruger National Park dehorned hundreds of rhinos after poaching surged in the 2010s. | Wildfires burned nearly a third of the Pantanal in 2020, and large fires returned in 2024. | Camera traps in Borneo recorded orangutans crossing a rope bridge built over a palm-oil canal. | At COP16 in Cali in November 2024, countries agreed a fund for companies that profit from genetic data drawn from nature. | Beavers released in the Scottish Highlands are rebuilding wetlands that slow floodwater. | GPS collars on 40 jaguars in the Pantanal revealed territories overlapping with cattle ranches.
scenes: Elephants Beneath Kilimanjaro ~ A family of elephants crosses the Amboseli plains with Mount Kilimanjaro rising behind them. | Rhino Patrol in Kruger ~ Rangers on foot track a white rhino through the bush in Kruger National Park at first light. | Jaguar on a Riverbank in the Pantanal ~ A jaguar rests on a sandy riverbank in the Pantanal, its coat bright in the afternoon sun. | Beaver Dam in the Highlands ~ A new beaver dam holds back a pool of dark water in a glen in the Scottish Highlands. | Orangutan in the Borneo Canopy ~ A young orangutan grips a vine high in the rainforest canopy of Borneo.
@ sustainable architecture | VDIA | Built Better | Design Walkthrough || tags: architecture | sustainable design | mass timber | urban design | buildings || orgs: Nordlys Architects | the Royal Institute of British Architects | the Passivhaus Institut | Skanska || places: Oslo | Tokyo | Barcelona | Dubai | Copenhagen || things: cross-laminated timber | heat pumps | green roofs | rammed earth walls | triple-glazed windows || events: the Venice Architecture Biennale | the RIBA Stirling Prize | the World Green Building Council summit
people: Ingeborg Larsen = a partner at Nordlys Architects | Dr. Kenji Morimoto = a timber engineer in Tokyo | Zainab Mahmoud = an urban designer in Dubai | Pablo Serrano = a passive-house consultant in Barcelona || subjects: mass timber towers | passive house retrofits | green roofs | cooling without air conditioning | adaptive reuse || views: Exposed timber beams under a skylight. | A green roof planted with grasses and wildflowers. || quotes: The greenest building is usually the one that already exists. | Timber stores carbon; concrete emits it. | Shade is the oldest cooling technology we have. || plain: Retrofits avoid the emissions of demolition and rebuild. | Good insulation makes small heating systems possible. | Daylight shapes how a building feels inside.
facts: Mjøstårnet in Brumunddal, Norway, stands 85 metres tall and was for years the tallest timber building in the world. | Buildings account for roughly 37 percent of global energy-related carbon emissions once construction is included. | Barcelona's superblocks close interior streets to through traffic and turn junctions into plazas. | The Passivhaus standard caps heating demand at 15 kilowatt-hours per square metre per year. | Nordlys Architects retrofitted a 1970s office block in Oslo, cutting its energy use by 64 percent. | Copenhagen's CopenHill waste-to-energy plant has a ski slope on its roof. | Traditional wind towers in Dubai's Al Fahidi district funnel breezes down into shaded courtyards.
scenes: Timber Tower by Lake Mjøsa ~ The Mjøstårnet timber tower rises above Lake Mjøsa in Norway on a clear autumn day. | Ski Slope on CopenHill ~ Skiers descend the artificial slope on the roof of the CopenHill power plant in Copenhagen. | Superblock Plaza in Barcelona ~ Children play at picnic tables on a former road junction in one of Barcelona's superblocks. | Wind Towers in Al Fahidi ~ Sand-coloured wind towers line a narrow lane in Dubai's Al Fahidi historic district. | Timber Joinery Workshop in Tokyo ~ Dr. Kenji Morimoto inspects interlocking timber joints in a workshop in Tokyo.
@ central banking | VDA | Rate Decision | Macro Minutes | biz | noprod || tags: central banking | interest rates | inflation | monetary policy | economics || orgs: the Federal Reserve | the European Central Bank | the Bank of England | the Bank of Japan | Meridian Bank$ || places: Frankfurt | Washington, D.C. | London | Tokyo | Jackson Hole || things: the federal funds rate | quantitative tightening | the consumer price index | forward guidance | government bond yields || events: the Jackson Hole symposium | the Fed's September 2024 meeting | the Bank of Japan's March 2024 rate rise
people: Dr. Helena Vasquez = chief economist at Meridian Bank | Oliver Pemberton = a former Bank of England policymaker | Yuki Nakamura = a bond strategist in Tokyo | Abdul Rahman = a financial journalist in Frankfurt || subjects: interest rate cuts | inflation expectations | quantitative tightening | the end of negative rates | central bank independence || views: A bank's stone facade under an overcast sky. | A price chart crossing a dotted line on a trading screen. || quotes: The last mile of disinflation is always the hardest. | Markets price what we say, not just what we do. | Cutting too late is a risk, but so is cutting too early. || plain: Rate changes take months to reach the real economy. | Credibility is a central bank's most valuable asset. | Wage growth often decides how sticky inflation becomes.
facts: The Federal Reserve cut rates by half a percentage point in September 2024, its first cut in four years. | In March 2024 the Bank of Japan raised rates for the first time in 17 years, ending negative interest rates. | The European Central Bank began cutting its deposit rate in June 2024, from a record 4 percent. | UK inflation fell back to the Bank of England's 2 percent target in May 2024. | Meridian Bank's economists expect core inflation to stay above target for several more quarters. | Quantitative tightening lets bonds mature without reinvestment, shrinking central bank balance sheets. | Speeches at the Jackson Hole symposium each August are parsed word by word for hints about the coming months.
scenes: Press Conference in Frankfurt ~ The president of the European Central Bank answers questions at a press conference in Frankfurt. | Trading Floor in London ~ Traders watch their screens on a London trading floor as the Bank of England decision is announced. | Eccles Building in Washington ~ Snow dusts the steps of the Federal Reserve's Eccles Building in Washington, D.C. | Bond Screens in Tokyo ~ A bond strategist in Tokyo tracks Japanese government bond yields across six monitors.
@ vaccine development | VDIA | Immune Response | Lab to Clinic || tags: vaccines | public health | clinical trials | immunology | mrna || orgs: the World Health Organization | Moderna | the Institut Pasteur | the Serum Institute of India | Gavi || places: Paris | Pune | Geneva | Cambridge, Massachusetts | Kigali || things: mRNA vaccines | the R21 malaria vaccine | lipid nanoparticles | cold-chain freezers | phase III trials || events: World Immunization Week | the World Health Assembly in Geneva | the mpox emergency declaration
people: Dr. Fatima Zahra Benali = an immunologist at the Institut Pasteur | Dr. Peter Lindholm = a clinical trial lead at Moderna | Dr. Adaeze Nwosu = an epidemiologist at the World Health Organization | Rohan Gupta = a manufacturing director at the Serum Institute of India || subjects: malaria vaccine rollout | mRNA platforms | cold-chain logistics | vaccine equity | clinical trial design || views: Rows of small glass vials under bright lab lights. | A gloved hand holding a syringe. || quotes: A vaccine in a freezer saves nobody. | mRNA turned vaccine design into something closer to a software problem. | Equity is not a phase four; it has to be built in from day one. || plain: Cold-chain gaps can spoil doses before they reach clinics. | Trials must include the people who will actually receive the vaccine. | Public trust is as important as efficacy.
facts: The R21/Matrix-M malaria vaccine, developed at Oxford and made by the Serum Institute of India, began rollout in Côte d'Ivoire in July 2024. | The Serum Institute of India in Pune is the largest vaccine maker in the world by number of doses. | The World Health Organization declared mpox a public health emergency of international concern in August 2024. | Lipid nanoparticles protect fragile mRNA strands and help them enter cells. | BioNTech opened an mRNA manufacturing site in Kigali built from modified shipping containers. | A phase III trial often enrols tens of thousands of volunteers across several continents. | Gavi has helped immunise more than a billion children since its founding in 2000.
scenes: Vaccine Filling Line in Pune ~ Glass vials move along a filling line at the Serum Institute of India in Pune. | Container Factory in Kigali ~ Modular container units house an mRNA production site in Kigali, Rwanda. | Microscope at the Institut Pasteur ~ Dr. Fatima Zahra Benali adjusts a microscope in a laboratory at the Institut Pasteur in Paris. | World Health Assembly in Geneva ~ Delegates fill the assembly hall at the Palais des Nations in Geneva during the World Health Assembly. | Ultra-Cold Freezers ~ Ultra-cold freezers set to minus 70°C line the wall of a vaccine depot near Geneva.
@ mountaineering | VDIA | Base Camp Radio | Summit Stories || tags: mountaineering | climbing | himalaya | alpinism | outdoor adventure || orgs: the Nepal Mountaineering Association | the UIAA | the Compagnie des Guides de Chamonix | Alpine Summit Gear || places: Mount Everest | Chamonix | K2 | the Dolomites | Patagonia || things: supplemental oxygen | crampons | via ferrata routes | fixed ropes | avalanche transceivers || events: the spring Everest season | the Piolets d'Or | the Banff Mountain Film Festival
people: Tenzing Norbu Sherpa = a mountain guide from the Khumbu | Astrid Keller = an alpinist based in Chamonix | Dr. Marco Vitali = an expedition doctor | Lucy Garland = a climbing filmmaker || subjects: climbing without oxygen | crowding on Everest | via ferrata routes | altitude sickness | winter alpinism || views: A rope coiled on fresh snow beside an ice axe. | Climbers' headlamps strung out along a dark ridge. || quotes: The summit is optional; getting down is mandatory. | Oxygen changes the mountain, not the mountain's risks. | Patience is the most important piece of kit you'll carry. || plain: Acclimatisation cannot be rushed. | Weather windows decide most expeditions. | Crowds add risk on narrow ridges.
facts: Nepal issued more than 400 Everest climbing permits in spring 2024, each costing 11,000 dollars. | K2, at 8,611 metres, was first climbed in winter by a team of ten Nepali climbers in January 2021. | The Dolomites have hundreds of via ferrata routes, many built along First World War supply paths. | Dr. Marco Vitali treats high-altitude pulmonary oedema with descent, oxygen and nifedipine. | Astrid Keller completed a solo winter link-up of three north faces above Chamonix. | The Khumbu Icefall on Everest is rigged each season by the Icefall Doctors, who fix ladders and ropes. | The Banff Mountain Film Festival tours its winning films to more than 40 countries.
scenes: Sunrise over the Dolomites near Cortina d'Ampezzo ~ Sunrise lights the jagged peaks of the Dolomites near Cortina d'Ampezzo, a climber silhouetted on the ridge. | Ladders in the Khumbu Icefall ~ A climber crosses an aluminium ladder over a crevasse in the Khumbu Icefall on Mount Everest. | Aiguille du Midi above Chamonix ~ The Aiguille du Midi cable car station clings to a granite spire high above Chamonix. | Base Camp Tents below K2 ~ Yellow expedition tents dot the moraine at K2 base camp in Pakistan. | Fitz Roy at Dawn in Patagonia ~ Fitz Roy glows pink at dawn above a frozen lagoon in Patagonia.
@ roman archaeology | VDIA | Dig Diaries | Ruins Revealed | noprod || tags: archaeology | ancient rome | history | excavation | museums || orgs: the Pompeii Archaeological Park | the British Museum | the University of Edinburgh | the Vindolanda Trust || places: Pompeii | Rome | Hadrian's Wall | Ephesus | Herculaneum || things: carbonised scrolls | lidar surveys | frescoes | Latin inscriptions | the Vindolanda tablets || events: the Vesuvius Challenge | the Domus Aurea reopening | Pompeii's new excavation season
people: Dr. Chiara Lombardi = an archaeologist at the Pompeii Archaeological Park | Professor Alistair McCrae = a Roman historian at the University of Edinburgh | Dr. Selin Aydın = an epigraphist working at Ephesus | Hugo Marchand = a drone surveyor || subjects: new excavations at Pompeii | reading the Herculaneum scrolls | life on Hadrian's Wall | Roman roads | mapping with lidar || views: Fragments of painted plaster laid out on a tray. | A trowel resting on the edge of a neat excavation trench. || quotes: Every ash layer is a page we haven't read yet. | The tablets show soldiers worried about socks and beer. | Lidar lets us dig with light before we dig with trowels. || plain: Most of any excavated site is still under the ground. | Ordinary objects reveal more about daily life than monuments. | Conservation often costs more than excavation.
facts: In April 2024 archaeologists at Pompeii uncovered a banquet hall with black walls and frescoes inspired by the Trojan War. | The Vesuvius Challenge used machine learning to read words inside a carbonised scroll from Herculaneum, unopened since AD 79. | The Vindolanda tablets, written in ink on thin wooden leaves, include a birthday invitation from about AD 100. | Hadrian's Wall runs roughly 117 kilometres from the Solway Firth to the River Tyne. | Lidar surveys have revealed dozens of previously unknown Roman roads in northern England. | The Library of Celsus at Ephesus once held around 12,000 scrolls. | Dr. Selin Aydın has catalogued more than 600 Greek and Latin inscriptions at Ephesus.
scenes: Banquet Hall Frescoes at Pompeii ~ Archaeologists brush soil from a black-walled banquet hall at Pompeii, revealing frescoes of Helen and Paris. | Hadrian's Wall under a Stormy Sky ~ Hadrian's Wall snakes over a crag in Northumberland under a stormy sky. | Library of Celsus at Ephesus ~ Morning light falls on the reconstructed facade of the Library of Celsus at Ephesus. | Scroll Fragment Under a Scanner ~ A blackened scroll fragment from Herculaneum sits under an X-ray scanner in a laboratory. | Trench on a Roman Road ~ Volunteers excavate a cambered Roman road surface near Hadrian's Wall.
@ chip manufacturing | VDIA | Silicon Weekly | Fab Tour | biz || tags: semiconductors | chip manufacturing | lithography | electronics | hardware || orgs: TSMC | ASML | Intel | Arclight Silicon$ | Samsung || places: Hsinchu | Veldhoven | Arizona | Dresden | Pyeongtaek || things: extreme ultraviolet lithography | 3-nanometre chips | 300-millimetre silicon wafers | high-NA EUV machines | chiplets || events: the CHIPS Act funding awards | SEMICON West in San Francisco | the opening of TSMC's Arizona fab
people: Dr. Wei-Lun Chang = a process engineer at TSMC | Marieke Jansen = a product manager at ASML | Dr. Samuel Ortega = an analyst at Veritas Semiconductor Research | Priyanka Sethi = a design lead at Arclight Silicon || subjects: EUV lithography | advanced packaging | building fabs in the United States | chiplet design | yield improvement || views: A silicon wafer reflecting rainbow colours. | Yellow-lit corridors of a clean room. || quotes: Lithography is printing with light at the scale of atoms. | Yield is the only metric the finance team really cares about. | Packaging is the new frontier because shrinking got expensive. || plain: Each new process node costs more than the last. | A single particle can ruin an entire wafer. | Fabs take years to build and decades to pay back.
facts: A single high-NA EUV machine from ASML costs around 350 million euros and ships in more than 200 crates. | TSMC began volume production at its first Arizona fab in late 2024. | The US CHIPS and Science Act set aside about 39 billion dollars in manufacturing incentives. | Intel received the first high-NA EUV tool at its Oregon site in early 2024. | Arclight Silicon splits its AI accelerator into four chiplets joined by a silicon interposer. | A modern fab can use millions of litres of ultrapure water every day. | Samsung's Pyeongtaek campus covers an area larger than 400 football pitches.
scenes: Clean Room in Hsinchu ~ Technicians in white bunny suits walk between tool bays under yellow light in a TSMC clean room in Hsinchu. | EUV Machine in Veldhoven ~ A partly assembled EUV lithography machine fills an assembly hall at ASML in Veldhoven. | Fab Construction in Arizona ~ Cranes tower over the steel frame of a new semiconductor fab in the Arizona desert north of Phoenix. | Wafer Under Inspection in Dresden ~ A silicon wafer shimmers with rainbow patterns under an inspection lamp in a Dresden fab. | Chiplet Package Macro ~ A macro photo shows four chiplets on an interposer in an Arclight Silicon prototype package.
@ tennis | VDIA | Baseline | Match Point Breakdown | noprod || tags: tennis | grand slam | sports | athletes | coaching || orgs: the ATP | the WTA | the All England Club | Tennis Australia || places: Wimbledon | Roland Garros | Melbourne Park | Flushing Meadows | Mallorca || things: Hawk-Eye line calling | clay courts | grass courts | the serve-and-volley game | string tension || events: Wimbledon | the Australian Open | the US Open | the French Open
people: Isabel Moreno = a coach at the Rafa Nadal Academy | Thomas Becker = a tennis statistician | Naledi Khumalo = a rising player from Johannesburg | Alexei Volkov = a former doubles champion turned commentator || subjects: clay-court movement | serve patterns | electronic line calling | grass-court tactics | junior development || views: A tennis ball kicking up chalk on a baseline. | A racquet leaning against a courtside bench. || quotes: On grass, the first two shots decide most points. | Clay teaches patience; grass punishes it. | Technology took the arguments out of line calls, and some of the drama. || plain: Footwork matters as much as shot-making. | The serve is the only shot a player fully controls. | Young players need match play, not just drills.
facts: The All England Club announced in October 2024 that Wimbledon would replace line judges with electronic calling, ending a 147-year tradition. | Roland Garros hosted the Olympic tennis tournament in July 2024, just weeks after the French Open. | At Melbourne Park, the Australian Open's heat policy can close the roofs when conditions become extreme. | Thomas Becker's data shows first-serve points won is the strongest predictor of grass-court results. | The Rafa Nadal Academy in Mallorca trains more than 150 juniors from over 40 countries. | Clay slows the ball and raises the bounce, favouring heavy topspin. | The US Open at Flushing Meadows draws more than 900,000 spectators over two weeks.
scenes: Centre Court at Wimbledon ~ Players warm up on Centre Court at Wimbledon as the roof slides shut against the rain. | Red Clay at Roland Garros ~ A player slides into a forehand on the red clay of Court Philippe-Chatrier at Roland Garros. | Night Session at Melbourne Park ~ Floodlights illuminate Rod Laver Arena at Melbourne Park during a packed night session. | Academy Courts in Mallorca ~ Juniors drill volleys on hard courts at the Rafa Nadal Academy in Mallorca. | Arthur Ashe Stadium at Sunset ~ Fans fill Arthur Ashe Stadium at Flushing Meadows under a late-summer sunset.
@ sourdough baking | VDIA | Crumb Club | Proof & Bake || tags: baking | sourdough | bread | fermentation | home cooking || orgs: Boulangerie Levain | North Carolina State University | King Arthur Baking | Mill & Crumb || places: Lyon | San Francisco | Tokyo | Stockholm | Vermont || things: a sourdough starter | a Dutch oven | rye flour | a banneton | a steam-injected deck oven || events: the Coupe du Monde de la Boulangerie | the Kneading Conference in Maine | World Bread Day
people: Margot Delacroix = a baker at Boulangerie Levain in Lyon | Dr. Erin McBride = a food microbiologist at North Carolina State University | Hiroshi Saito = the owner of a tiny Tokyo bakery | Annika Berg = a cookbook author in Stockholm || subjects: keeping a starter alive | open crumb | whole-grain rye bread | scoring patterns | the science of fermentation || views: A bubbling starter in a glass jar. | Flour dusting a wooden workbench. || quotes: Your starter is a pet that happens to make bread. | Open crumb is a result, not a goal. | Rye asks for patience and rewards it with flavour. || plain: Temperature controls fermentation more than time does. | Steam in the first minutes of baking helps the crust. | Whole grains ferment faster than white flour.
facts: Researchers at North Carolina State University analysed 500 sourdough starters from 14 countries and found surprisingly similar yeasts. | San Francisco sourdough gets its tang from Fructilactobacillus sanfranciscensis, a bacterium named after the city. | Margot Delacroix's levain in Lyon is fed twice a day with a mix of wheat and spelt flour. | A Dutch oven traps steam during the first 20 minutes of baking, helping the loaf spring and blister. | Scandinavian rye loaves often ferment for 24 hours and contain more than 80 percent rye flour. | Mill & Crumb sold 12,000 starter kits in 2024, triple its sales from the year before. | Hiroshi Saito bakes 300 loaves a day in a Tokyo shop barely eight metres wide.
scenes: Morning Bake in Lyon ~ Margot Delacroix pulls a tray of crusty loaves from a deck oven at Boulangerie Levain in Lyon. | Starter Jars in San Francisco ~ Glass jars of bubbling sourdough starter sit on a sunlit windowsill in San Francisco. | Scoring a Loaf in Tokyo ~ Hiroshi Saito scores a wheat-ear pattern into a proofed loaf in his tiny Tokyo bakery. | Rye Bread in Stockholm ~ Dense rye loaves studded with seeds cool on a rack in Annika Berg's test kitchen in Stockholm. | Stone Mill in Vermont ~ Sacks of freshly milled flour are stacked beside a stone mill in Vermont.
@ space telescopes | VDIA | Deep Field | Starlight Sessions || tags: astronomy | space telescopes | jwst | cosmology | exoplanets || orgs: NASA | the European Space Agency | the Space Telescope Science Institute | the European Southern Observatory || places: Baltimore | the Atacama Desert | Cambridge | Mauna Kea | Texas || things: the James Webb Space Telescope | the Hubble Space Telescope | the Euclid telescope | the Extremely Large Telescope | infrared spectroscopy || events: the total solar eclipse of April 2024 | the JWST anniversary image release | the American Astronomical Society meeting
people: Dr. Rosa Delgado = an astronomer at the Space Telescope Science Institute | Professor Ibrahim Diallo = a cosmologist at the University of Cambridge | Dr. Emily Chen = an exoplanet scientist at NASA Goddard | Viktor Lindahl = an optical engineer at the European Southern Observatory || subjects: the earliest galaxies | exoplanet atmospheres | mapping dark matter | giant ground-based telescopes | infrared astronomy || views: A dense field of stars and faint galaxies. | A telescope dome opening against a twilight sky. || quotes: Every deep field is a time machine with a very slow shutter. | We're reading chemistry from light that left its star centuries ago. | Infrared lets us see through the dust that hides star birth. || plain: Light from distant galaxies reveals the early universe. | Dark skies are becoming rare near cities. | Telescope mirrors must be shaped to within nanometres.
facts: The James Webb Space Telescope orbits the second Lagrange point, about 1.5 million kilometres from Earth. | Webb has spotted galaxies that existed less than 300 million years after the Big Bang. | The European Space Agency's Euclid telescope released its first science images in May 2024. | The Extremely Large Telescope under construction in the Atacama Desert will have a 39-metre primary mirror. | Infrared spectra from Webb detected carbon dioxide and methane in the atmosphere of the exoplanet K2-18 b. | The total solar eclipse on 8 April 2024 crossed Mexico, the United States and Canada. | Hubble has been observing since 1990 and has made more than 1.6 million observations.
scenes: Pillars of Creation in Infrared ~ Webb's near-infrared view of the Pillars of Creation shows glowing gas and newborn stars. | ELT Dome Under Construction ~ The dome of the Extremely Large Telescope takes shape on Cerro Armazones in the Atacama Desert. | Totality over Texas ~ The Sun's corona flares around the Moon during totality over Texas on 8 April 2024. | Mirror Segments at Goddard ~ Engineers in clean suits inspect gold-coated mirror segments at NASA Goddard. | Observatories on Mauna Kea ~ White observatory domes sit above the clouds on Mauna Kea in Hawaii at sunset.
@ olympic athletics | VDIA | Track Side | Finish Line Films || tags: athletics | olympics | running | sports science | track and field || orgs: World Athletics | the International Olympic Committee | INSEP | Nike || places: Paris | Iten | Eugene, Oregon | Tokyo | Budapest || things: carbon-plated running shoes | the purple Mondo track | wind gauges | lactate testing | starting blocks || events: the Paris 2024 Olympics | the World Athletics Championships in Budapest | the Prefontaine Classic in Eugene
people: Coach Daniel Mwangi = a distance coach in Iten | Dr. Sophie Laurent = a sports physiologist at INSEP in Paris | Marcus Oyelaran = a 400-metre hurdler | Julia Kowalczyk = a biomechanist at World Athletics || subjects: altitude training | super shoes | hurdling technique | marathon pacing | sprint biomechanics || views: Spikes laid out on a track beside the lane markings. | Runners' shadows stretching across a dirt road. || quotes: Altitude doesn't make you fast; it makes the work count double. | The shoe helps, but nobody runs 2:03 in a shoe alone. | Hurdling is sprinting with interruptions. || plain: Recovery is where fitness actually gets built. | Even pacing usually beats a fast start. | Small technical changes add up over a season.
facts: The athletics track at the Stade de France for the Paris 2024 Olympics was a distinctive purple Mondo surface. | Iten in Kenya sits at about 2,400 metres and hosts hundreds of elite distance runners each year. | Carbon-plated shoes have coincided with a wave of road-running records since 2017. | World Athletics limits the stack height of road-racing shoes to 40 millimetres. | Dr. Sophie Laurent's lab at INSEP measures athletes' lactate every 1,000 metres during interval sessions. | The Prefontaine Classic at Hayward Field in Eugene is one of the most competitive Diamond League meetings. | Several Olympic finals in Paris in August 2024 were decided by a few hundredths of a second.
scenes: Purple Track at Stade de France ~ Sprinters explode from the blocks on the purple track at the Stade de France during the Paris 2024 Olympics. | Dawn Run in Iten ~ A group of runners pounds a red dirt road outside Iten, Kenya, at dawn. | Hayward Field Grandstand ~ Crowds fill the sweeping grandstand at Hayward Field in Eugene, Oregon, for the Prefontaine Classic. | Treadmill Test at INSEP ~ A masked athlete runs on a treadmill during a lactate test at INSEP in Paris. | Hurdles in Budapest ~ Marcus Oyelaran clears a hurdle at the World Athletics Championships in Budapest.
@ classical music | VDIA | Overture | Concert Hall Live | music | noprod || tags: classical music | orchestra | opera | composers | concerts || orgs: the Vienna Philharmonic | the Juilliard School | La Scala | Deutsche Grammophon | the BBC Proms || places: Vienna | Cremona | Salzburg | Milan | the Royal Albert Hall || things: a Stradivarius violin | period instruments | Beethoven's Ninth Symphony | a concert grand piano | the harpsichord || events: the Vienna New Year's Concert | the Salzburg Festival | the Last Night of the Proms
people: Maestra Yelena Sokolova = principal conductor of the Helsinki Philharmonic | Adrian Whitcombe = a cellist and music educator | Dr. Hye-jin Lee = a musicologist at the Juilliard School | Matteo Conti = a violin maker in Cremona || subjects: Beethoven's symphonies | the Cremona violin tradition | historically informed performance | opera at La Scala | new music commissions || views: Sheet music open on a stand under a warm lamp. | A cello bow resting across an open case. || quotes: A score is a set of instructions, not a recording. | Wood keeps changing long after the violin leaves my bench. | Every orchestra has a sound; the conductor's job is to shape it, not replace it. || plain: Acoustics shape a performance as much as the players do. | Young audiences often arrive through film scores. | Rehearsal time is the scarcest resource in any orchestra.
facts: The Vienna Philharmonic's New Year's Concert is broadcast to more than 90 countries every 1 January. | Cremona's violin makers still follow methods traced back to Stradivari and Guarneri in the 1700s. | In May 2024 concerts marked 200 years since the premiere of Beethoven's Ninth Symphony in Vienna. | The Salzburg Festival stages around 200 performances each summer across more than a dozen venues. | Matteo Conti spends about 300 hours carving and varnishing each violin in his Cremona workshop. | Period-instrument orchestras use gut strings and lower tuning, often A at 415 hertz. | La Scala in Milan opens its season every 7 December, the feast of Saint Ambrose.
scenes: Golden Hall of the Musikverein ~ The Vienna Philharmonic performs under gilded ceilings in the Golden Hall of the Musikverein in Vienna. | Violin Workshop in Cremona ~ Matteo Conti shapes a spruce violin top with a small plane in his workshop in Cremona. | Opening Night at La Scala ~ The red and gold tiers of La Scala in Milan fill with guests on the season's opening night. | Promenaders at the Royal Albert Hall ~ Promenaders wave flags in the arena of the Royal Albert Hall during the Last Night of the Proms. | Festival Stage in Salzburg ~ An open-air stage is set for Jedermann in front of the cathedral in Salzburg.
@ winemaking | VDIA | Cellar Door | Vintage Notes || tags: wine | winemaking | viticulture | terroir | agriculture || orgs: UC Davis | Domaine des Trois Chênes | Bodega Alto Andes | the International Organisation of Vine and Wine || places: Burgundy | Mendoza | Napa Valley | the Douro Valley | Champagne || things: pinot noir | oak barrels | malbec | biodynamic farming | clay amphorae || events: the Burgundy harvest | the Hospices de Beaune wine auction | Vinexpo Paris
people: Camille Aubert = a winemaker in Burgundy | Federico Ruiz = a viticulturist in Mendoza | Dr. Joanna Whitlock = an oenologist at UC Davis | Henrik Lund = a sommelier in Copenhagen || subjects: harvest timing | climate change in vineyards | old-vine malbec | barrel ageing | biodynamic viticulture || views: Dark grapes heavy on the vine in low sun. | Oak barrels stacked in a dim cellar. || quotes: Terroir is just geography you can taste. | Every vintage is a diary of the weather. | We pick by taste, not by the calendar. || plain: Earlier harvests are a clear sign of warming. | Cellar decisions cannot fix poor fruit. | Small producers depend on a single good season.
facts: Harvest in Burgundy now begins around two weeks earlier than it did in the 1980s. | The Hospices de Beaune auction, held each November since 1859, raises money for local hospitals. | Mendoza's vineyards sit between 800 and 1,500 metres above sea level, where cold nights preserve acidity in malbec. | Researchers at UC Davis are testing heat-tolerant grape varieties in Napa Valley. | In the Douro Valley, some wineries still tread grapes by foot in granite lagares. | Frost and mildew cut French wine production by about 23 percent in 2024. | Domaine des Trois Chênes converted to biodynamic farming in 2019 and now ages a third of its pinot noir in clay amphorae.
scenes: Harvest Crates in Burgundy ~ Pickers carry crates of pinot noir between rows of vines near Beaune in Burgundy. | Terraced Vineyards of the Douro ~ Terraced vineyards curve along the river in the Douro Valley in autumn colours. | Barrel Cellar in Mendoza ~ Oak barrels stretch into a candlelit cellar at Bodega Alto Andes in Mendoza, the Andes visible through a doorway. | Frost Candles in Champagne ~ Hundreds of frost candles burn between vine rows in Champagne before dawn. | Research Plot in Napa Valley ~ Dr. Joanna Whitlock checks grape clusters in a UC Davis research plot in Napa Valley.
@ data privacy regulation | VDA | Privacy by Design | Compliance Corner | noprod || tags: data privacy | gdpr | regulation | compliance | ai governance || orgs: the European Commission | the Irish Data Protection Commission | Meta | Lumora Health | Tessellate Software || places: Brussels | Dublin | Luxembourg | California | Strasbourg || things: the GDPR | the EU AI Act | the Digital Services Act | data protection impact assessments | cookie consent banners || events: the GDPR's sixth anniversary | the AI Act's entry into force | the Court of Justice ruling on data transfers
people: Dr. Katarina Novak = a data protection lawyer in Brussels | James Whitaker = chief privacy officer at Lumora Health | Amina Cissé = an investigator at the Irish Data Protection Commission | Pedro Almeida = a compliance engineer at Tessellate Software || subjects: cross-border data transfers | AI Act compliance | consent management | breach notification | privacy engineering || views: A cookie consent banner covering half a phone screen. | Stacks of printed policy documents bristling with sticky notes. || quotes: Privacy is a design constraint, not a legal afterthought. | If you can't map your data, you can't protect it. | The AI Act asks what the system does, not how clever it is. || plain: Data minimisation reduces both risk and storage costs. | Clear consent beats long policies nobody reads. | Breach response plans should be rehearsed, not just written.
facts: The Irish Data Protection Commission fined Meta 1.2 billion euros in 2023 over transfers of EU user data to the United States. | The EU AI Act entered into force on 1 August 2024, with obligations phased in over two to three years. | Under the GDPR, organisations must report qualifying personal data breaches within 72 hours. | The EU–US Data Privacy Framework was adopted in July 2023 to restore a legal basis for transatlantic transfers. | Lumora Health completed 46 data protection impact assessments before launching its patient app. | California's privacy agency has begun enforcing its own consumer privacy rules. | Fines under the AI Act can reach 7 percent of global annual turnover for banned practices.
scenes: Court of Justice in Luxembourg ~ Lawyers enter the Court of Justice of the European Union in Luxembourg ahead of a ruling. | Privacy Team Stand-up in Dublin ~ Engineers at Tessellate Software in Dublin review a data-flow map on a wall-sized screen. | European Parliament Vote ~ Members of the European Parliament raise voting cards in Strasbourg during the AI Act vote. | Consent Banner Usability Test ~ A researcher in Brussels watches a volunteer click through a cookie consent banner.
@ warehouse robotics | VDIA | Robot Floor | Automation Hour | biz || tags: robotics | automation | warehouses | ai | logistics || orgs: Kinetica Robotics$ | Ocado | Boston Dynamics | ETH Zurich | FANUC || places: Zurich | Erith | Boston | Yamanashi | Chicago || things: autonomous mobile robots | robotic picking arms | the Spot robot | collaborative robots | vision-guided grippers || events: ProMat in Chicago | Automatica in Munich | the ICRA robotics conference in Yokohama
people: Dr. Yasmin Farouk = a robotics researcher at ETH Zurich | Caleb Morrison = chief technology officer of Kinetica Robotics | Ana Petrović = an operations lead at an Ocado fulfilment centre | Hiroki Tanabe = an engineer at FANUC || subjects: robotic picking | humanoid robots in warehouses | safety around cobots | grid-based fulfilment | robot fleet software || views: Orange robots crossing a warehouse floor in neat lines. | A gripper closing around a cardboard box. || quotes: The hard part isn't the robot; it's the thousand weird objects. | A robot that stops safely is worth more than one that moves fast. | Simulation is where our robots fall over so they don't in real life. || plain: Picking irregular items remains difficult for machines. | Fleet software matters as much as hardware. | Automation tends to change jobs rather than simply remove them.
facts: Ocado's grid system in Erith uses thousands of robots moving on top of a stacked storage grid to assemble grocery orders. | Kinetica Robotics' picking arm handled 1,200 items per hour in a 2024 pilot with a fashion retailer. | Boston Dynamics' Spot robot patrols industrial sites to read gauges and detect leaks. | FANUC's factory in Yamanashi uses robots to build other robots, sometimes running unattended for weeks. | Researchers at ETH Zurich trained a legged robot in simulation before transferring the policy to hardware. | Collaborative robots slow down or stop automatically when a person enters their workspace. | Warehouse robot shipments grew by roughly 30 percent a year between 2021 and 2024.
scenes: Grid Robots in Erith ~ Hundreds of boxy robots glide across the storage grid at Ocado's fulfilment centre in Erith. | Picking Arm Demo at ProMat ~ A Kinetica Robotics arm picks mixed items from a tote at the ProMat trade show in Chicago. | Spot on Patrol ~ Boston Dynamics' Spot robot climbs metal stairs during an inspection at a plant near Boston. | Robot Factory in Yamanashi ~ Yellow FANUC robot arms assemble components in a dimly lit factory in Yamanashi. | Legged Robot in the Alps ~ An ETH Zurich legged robot walks across snowy rocks on a test hike in the mountains south of Zurich.
"""

HOSTS = ["Nina Castellanos", "Owen Fairbanks", "Ritu Bhattacharya", "Jamal Greene", "Clara Ivanova",
         "Ben Achterberg", "Mariana Duarte", "Theo Lambert", "Sakura Ito", "Declan Murphy"]
PHOTOGRAPHERS = ["Ines Vidal", "Kwabena Owusu", "Lotte Jansen", "Rafael Kim", "Maya Goldberg", "Sven Aalto", "Chidi Eze", "Paola Greco"]
EXECS = ["Laura Kensington", "Victor Alami", "Grace Mbeki", "Daniel Reyes", "Olga Nowak", "Marcus Feld",
         "Aaron Whitley", "Sunita Rao", "Felipe Arroyo", "Yara Costa", "Kenneth Oduro"]
CAMERAS = ["Sony A7 IV", "Canon EOS R5", "Nikon Z8", "Fujifilm X-T5", "Leica Q3", "iPhone 15 Pro", "DJI Mavic 3 Pro"]
PUBLISHERS = ["Harbourside Press", "Lantern House Books", "Northgate Publishing", "Albion & Reed"]
BANKS = ["Morgan Stanley", "Goldman Sachs", "Barclays", "UBS", "Jefferies", "BNP Paribas"]
FORMS = ["site inspection checklist", "grant application form", "expense claim form", "registration form",
         "equipment loan form", "permit application", "customs declaration", "delivery note"]
PERFORMERS = ("pianist", "saxophonist", "conductor", "cellist")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
SMALL = {"a", "an", "the", "of", "in", "on", "and", "for", "to", "with", "at", "by", "from", "or", "vs"}

# Frames. A shape is a list of tokens: a key of the frame library (one entry is picked at random) or a literal
# template; "OP" is the opener for the item's kind. "{pr}" renders as "Name, role," (a trailing comma before
# punctuation is dropped afterwards).
QUOTE = ["At the {ts} mark, {last} says: \"{quote}\"", "{last} tells the audience: \"{quote}\"",
         "Transcript excerpt: \"{quote}\"", "{last} puts it bluntly: \"{quote}\"", "The line that drew applause came from {last}: \"{quote}\""]
SHARED = {
    "RA": ["Contributors include {p}, {p2} and {p3}.", "{p2}, {role2}, also appears, alongside colleagues from {o}.",
           "Other voices: {p2} and {p3}, plus a statement from {o2}."],
    "RB": ["Material was gathered in {pl}, {pl2} and {pl3}, with support from {o} and {o2}.",
           "Also referenced: {x}, {x2} and {ev}, plus recent work by {o2}.", "The piece links what is happening in {pl2} and {pl3} to {ev}."],
    "EQ": ["Chief executive {ceo} said: \"{quote}\"", "{ceo}, the chief executive, told analysts: \"{quote}\"",
           "Asked about {subj}, {ceo} replied: \"{quote}\""],
    "EC": ["Gross margin came in at {gm} percent, and the company ended the quarter with {cash} million dollars in cash.",
           "The call lasted {mins} minutes, with questions from {bank} and two other brokers.",
           "Free cash flow turned positive for the first time in three quarters, {cfo} added."],
    "EF": ["Management pointed to the wider context: {fact1}", "One analyst cited an industry data point: {fact1}"],
    "MC": ["Recorded in {mon}; the set runs {mins} minutes.", "Applause is left in between the pieces.",
           "Engineer's notes mention a single stereo pair of microphones above the stage.", "{perf} introduces each piece briefly before playing."],
    "DX": ["Source data: {o}, {mon}.", "{fact1}", "Designed by {ph}; first published by {chan}.",
           "Drawn in a flat style with a muted palette and a single accent colour.", "Figures are as of {mon}."],
}
LIB = {
    "vf": {
        "OP": ["Filmed over {days} days in {pl}, this short documentary follows {pr} and the work behind {subj}.",
               "A {mins}-minute visual feature on {subj} from the {chan} channel.", "No narration for the first half; the pictures carry the story.",
               "Drone, handheld and time-lapse footage shot for {o}.", "Episode {n} of {chan}, this time on {subj}.",
               "This {mins}-minute film about {subj} was shot in {mon} with two cameras and a drone.",
               "Produced with support from {o}, the video stays close to the action.",
               "Cinematographer {ph} spent {days} days on location for this piece."],
        "CL": ["Chapters mark the key moments, from the opening wide shot to the final close-up.",
               "On-screen graphics credit {p} for the figures quoted.", "It ends with a slow aerial pull-back over {pl2}.",
               "Burned-in captions make it watchable without sound.", "A short behind-the-scenes segment closes the video.",
               "{p} appears briefly near the end: \"{quote}\"", "Slow-motion replays break the action down frame by frame.",
               "Colour-graded for HDR; close-ups of {x} are the visual highlight."],
        "shapes": [["{scene}", "{fact1}", "CL"], ["OP", "{scene}", "CL"], ["OP", "{fact1}", "{scene}"],
                   ["{scene}", "Second sequence: {scene2}", "CL"], ["OP", "{scene}", "{fact1}", "CL"]],
        "sparse": [["{view1}", "{view2}", "No narration; ambient sound only, about {mins} minutes long."],
                   ["A short, wordless clip about {subj}.", "{view1}", "{view2}", "The camera holds each shot for several seconds before cutting."]],
    },
    "vc": {
        "talk": ["{pr} gives a talk at {ev} on {subj}.", "Recorded at {ev}, this session features {pr} on {subj}."],
        "lecture": ["Lecture {n} of the {chan} series, in which {p} covers {subj} for a packed room in {pl}.",
                    "University lecture recording: {pr} teaches {subj}, starting from first principles."],
        "interview": ["In this interview, {host} talks with {pr} about {subj}.",
                      "{host} visits {pl} to interview {p} on {subj} and what changed in {mon}."],
        "tutorial": ["A narrated tutorial from {chan} on {subj}, presented by {p}.", "Step-by-step walkthrough of {x}, narrated by {pr}."],
        "panel": ["Panel discussion moderated by {host}, with {p} and {p2} debating {subj}.",
                  "Fireside chat in {pl}: {p} takes audience questions on {subj}."], "Q": QUOTE,
        "CL": ["Slides are shown alongside the speaker throughout.", "The final chunks are a Q&A, including a question from someone at {o2}.",
               "Chapters cover {x}, {x2} and a short live demo.", "The full recording runs {mins} minutes.",
               "Midway through, the speaker moves to a whiteboard to sketch the argument.",
               "Subtitles are available in English, Spanish and Japanese.", "The session closes with a reading list and links to material from {o}."],
        "shapes": [["OP", "{fact1}", "Q", "CL"], ["OP", "Q", "{fact1}"], ["OP", "{fact1}", "{fact2}", "CL"], ["OP", "CL", "Q"]],
        "sparse": [["A recorded lecture on {subj}.", "{plain1}", "{plain2}",
                    "The speaker works through examples on a whiteboard and takes a few questions."],
                   ["Tutorial recording, roughly {mins} minutes, introducing {subj} for beginners.", "{plain1}",
                    "{plain2}", "Narration is calm and unhurried."]],
    },
    "dt": {
        "report": ["This report from {o} examines {subj}, drawing on case studies from {pl} and {pl2}.",
                   "Published by {o} in {mon}, this report reviews {subj} and what changed over the past year."],
        "research paper": ["We study {subj} using data collected in {pl} between {mon0} and {mon}.",
                           "This paper by {p} and {p2} presents new evidence on {subj}."],
        "manual": ["This manual explains {subj} for teams working with {x}.", "A practical handbook on {subj}, written for practitioners at {o}."],
        "policy": ["This policy sets out how {o} approaches {subj}, with named owners and review dates.",
                   "The document defines responsibilities, thresholds and review cycles for {subj} at {o}."],
        "book": ["In this book, {pr} traces the story of {subj}.", "{p}'s new book is a readable history of {subj}, moving between {pl} and {pl2}."],
        "case study": ["A case study of {subj} at {o}, based on interviews with {p} and colleagues."],
        "white paper": ["This white paper from {o} argues that {subj} deserves more attention from decision-makers."],
        "literature review": ["A systematic review of {k3} studies on {subj} published since 2015."],
        "CL": ["Appendices include {k} tables and a glossary of terms.", "The authors acknowledge input from {p2} and reviewers at {o2}.",
               "It ends with {k} recommendations for policymakers and practitioners.", "Methods and data sources are described in section {k}.",
               "A two-page executive summary precedes the main chapters.", "Key takeaway: {plain1}", "As {p} writes in the foreword, \"{quote}\""],
        "shapes": [["OP", "{fact1}", "{fact2}", "CL"], ["OP", "{fact1}", "{plain1}", "CL"], ["OP", "{fact1}", "CL"],
                   ["OP", "{fact1}", "{fact2}", "{fact3}"]],
        "sparse": [["This short report looks at {subj}.", "{plain1}", "{plain2}",
                    "It closes with practical recommendations and a list of further reading."],
                   ["An internal briefing note on {subj}.", "{plain1}", "{plain2}", "The note runs to {k} pages and includes one summary table."]],
    },
    "dp": {
        "slide deck": ["A {k2}-slide deck presented by {p} at {ev}. Slides cover {subj}, with bar charts comparing {pl} and {pl2} and a roadmap ending in {q}.",
                       "Slide deck from a {mon} briefing by {o} on {subj}. Each slide pairs one chart with a short headline; slide {k} shows a map of {pl}."],
        "scanned form": ["Scanned {form} submitted to {o} in {mon}. Handwritten entries name {p} as the applicant, with an address in {pl}; a stamp and signature appear at the foot of page {k}.",
                         "A {k}-page {form} from {o}, scanned at an angle. Typed fields reference {subj}, and a note in blue ink is initialled by {p}."],
        "invoice": ["Invoice {inv} from {o} to {o2}, dated {mon}. Line items include {x} and {x2}; the total due is {amt}, payable within 30 days.",
                    "Scanned supplier invoice {inv} billed to {o2} for work on {subj}. The letterhead of {o} tops the page, and a handwritten note from {p} asks for a purchase order number."],
        "brochure": ["Glossy tri-fold brochure from {o} promoting {subj}. Photos show {pl}, and one panel quotes {p}: \"{quote}\"",
                     "An eight-page brochure introducing {subj}, printed for visitors at {ev}. Full-bleed photos of {pl} sit beside short text blocks."],
        "datasheet": ["Two-page datasheet for {x}, published by {o}. Spec tables, a dimension drawing and compliance logos fill the first page.",
                      "Technical datasheet comparing {x} with {x2}, issued by {o} in {q}. Footnotes cite test conditions in {pl}."],
        "poster": ["Conference poster presented at {ev} by {p} and {p2}, summarising work on {subj}. A large central figure compares results from {pl} and {pl2}."],
        "infographic": ["A one-page infographic from {o} on {subj}, with icons, a timeline to {mon} and three headline numbers."],
        "shapes": [["OP"], ["OP", "{fact1}"], ["OP", "{fact1}"]],
        "sparse": [["A scanned {k}-page handout on {subj}.", "{plain1}",
                    "Margins carry handwritten notes, and there is a coffee ring on the last page."],
                   ["A one-page flyer about {subj}, printed in two colours.", "{plain1}", "{plain2}", "The bottom third is a tear-off reply slip."]],
    },
    "img": {
        "photo": ["{scene}"], "EX": ["Photo: {ph}.", "Taken in {mon} with a {cam}.", "{fact1}", "Part of a photo essay on {subj}.",
               "The image ran alongside coverage of {ev}.", "Credit: {ph} for {o}.", "{p} is quoted in the accompanying story: \"{quote}\""],
        "shapes": [["OP", "EX"], ["OP", "EX", "EX"], ["OP", "{fact1}"]],
        "sparse": [["{view1}", "The photo belongs to a small series on {subj}, shot in natural light with a shallow depth of field."],
                   ["{view2}", "{plain1}", "Unposed and cropped square, this frame was kept as a reference image for the archive."]],
    },
    "aud": {
        "podcast": ["Episode {n} of {show}. Host {host} is joined by {pr} to talk about {subj}.",
                    "This week on {show}, {host} and {p} dig into {subj}.",
                    "{show}, episode {n}: {subj}. Guest {pr} explains what changed in {mon}."],
        "interview": ["Radio interview recorded in {pl} with {pr}.", "{host} interviews {p} down the line from {pl} about {subj}."],
        "lecture": ["Audio recording of a public lecture on {subj} given by {p} for {o}.",
                    "Lecture audio: {pr} speaks on {subj} to students in {pl}."],
        "transcript": ["{hf}: Welcome back to {show}. Today we're talking about {subj}. {last}: Thanks for having me. {fact1} {hf}: What surprised you most? {last}: Honestly? {quote}",
                       "[{ts}] {hf}: Let's get specific. Where does {subj} stand right now? [{ts2}] {last}: {fact1} And I'd add this: {quote}"],
        "earnings": ["{co} {q} earnings call. Chief financial officer {cfo} reported revenue of {rev} million dollars, up {pct} percent year on year, and reaffirmed full-year guidance.",
                     "Transcript excerpt from the {co} {q} results call, in which analysts from {bank} pressed management on {subj}."],
        "CL": ["Timestamps: introduction 00:00, main conversation 03:40, listener questions {ts}.", "Also mentioned: {x} and {ev}.",
               "Runtime {mins} minutes.", "The episode closes with a listener question about {x}.", "Recorded in {mon}.",
               "A full transcript is available on request."],
        "Q": ["In {last}'s words: \"{quote}\"", "{last}: \"{quote}\"", "Quote of the episode: \"{quote}\""],
        "shapes": [["OP", "{fact1}", "CL"], ["OP", "Q", "CL"], ["OP", "{fact1}", "Q"], ["OP", "{fact1}", "{fact2}"]],
        "sparse": [["An episode about {subj}.", "{plain1}", "{plain2}", "The conversation ends with listener questions."],
                   ["Solo audio explainer on {subj}, about {mins} minutes.", "{plain1}", "{plain2}", "No guests; a single narrator."]],
    },
}
KIND_SHAPES = {"transcript": [["OP"], ["OP", "CL"]], "diagram": [["OP", "DX"], ["OP", "DX", "DX"]],
               "earnings": [["OP", "EQ", "EC"], ["OP", "EC", "EQ"], ["OP", "EF", "EQ"]],
               "music": [["OP", "{fact1}", "MC"], ["OP", "MC", "MC"]]}
LIVE = "Live recording made in {pl} in {mon}: {perf} leads a programme built around {subj}."
PAIRED = {  # kinds whose title has to match the opener: (title template, opener)
    "music": [("Live in {pl}: {Subj}", LIVE), ("{perf}, Live Recording, {mon}", LIVE), ("Archive Session: {Subj}",
              "Archival recording digitised by {o}, with spoken liner notes by {pr2} on {subj}.")],
    "diagram": [("Diagram: How {X} Works", "Labelled diagram explaining how {x} works, produced for an explainer by {o} on {subj}."),
                ("{X} Compared with {X2}", "Infographic comparing {x} and {x2}, with icons, arrows and short captions."),
                ("Chart: {Subj}, {y0} to {yr}", "Annotated chart tracking {subj} between {y0} and {yr}, with callouts for {pl} and {pl2}."),
                ("Cutaway of {X}", "Cutaway illustration of {x} with numbered parts and a short legend."),
                ("Map: {Subj} in {pl} and {pl2}", "Map of {pl} and {pl2} marking the sites that matter for {subj}.")]}
SPARSE_KINDS = {"vf": ["vf", "vf"], "vc": ["lecture", "tutorial"], "dt": ["report", "briefing note"],
                "dp": ["handout", "flyer"], "img": ["photo", "photo"], "aud": ["podcast", "explainer"]}
TITLES = {
    "vf": ["{Subj} in {pl}", "Inside {Subj}", "{scene_title} | {chan}", "A Day of {Subj} in {pl}", "{Subj}: The Visual Story",
           "{pl} Up Close: {Subj}", "Film: {scene_title}", "{X} in Action", "On Location: {scene_title}",
           "{Subj}, Seen from {pl}", "{pl} on Film", "{scene_title} (Extended Cut)"],
    "talk": ["{p} on {Subj} at {ev}", "{ev}: {Subj}", "{Subj}: a Talk by {p}"], "lecture": ["Lecture {n}: {Subj}", "{chan} Lecture: {Subj} with {p}"],
    "interview": ["Interview: {p} on {Subj}", "In Conversation with {p}", "{host} Meets {p}"],
    "tutorial": ["Tutorial: Getting Started with {X}", "{Subj} Explained, Step by Step", "How to Think About {Subj}"],
    "panel": ["Panel: The Future of {Subj}", "{p} and {p2} Debate {Subj}", "{Subj}: Questions from the Floor"],
    "report": ["{o} Report: {Subj} in {yr}", "{Subj}: Annual Review {yr}", "The State of {Subj}, {mon}"],
    "research paper": ["Evidence on {Subj} from {pl}", "Measuring {Subj}: Methods and Results", "{Subj} Revisited"],
    "manual": ["Operations Manual: {X}", "Handbook for {Subj}", "{X}: A Field Guide"],
    "policy": ["{o} Policy on {Subj}", "Policy Framework: {Subj} ({yr})"],
    "book": ["{Subj}: A History", "Chasing {Subj}", "The Long Story of {Subj}"], "case study": ["Case Study: {Subj} at {o}"],
    "white paper": ["Why {Subj} Matters: A White Paper", "White Paper: Rethinking {Subj}"],
    "literature review": ["{Subj}: A Review of the Evidence", "What We Know About {Subj}: A Systematic Review"],
    "slide deck": ["{ev} Slides: {Subj}", "Slide Deck: {Subj} ({q})"], "scanned form": ["Scanned {Form}, {pl}", "{o} {Form}, {mon}"],
    "invoice": ["Invoice {inv}: {o}", "{o} Invoice for {X}"], "brochure": ["{o} Brochure: {Subj}", "Discover {Subj} with {o}"],
    "datasheet": ["Datasheet: {X}", "{X} Technical Datasheet ({q})"], "poster": ["Poster: {Subj}", "{ev} Poster by {p}"],
    "infographic": ["Infographic: {Subj} in Numbers"], "photo": ["{scene_title}"],
    "podcast": ["{show} Ep. {n}: {Subj}", "{Subj}, with {p}", "{show}: {p} on {Subj}"],
    "interview_a": ["Radio Interview: {p} in {pl}", "{p} Talks {Subj}"], "lecture_a": ["Lecture Audio: {Subj}", "{p} Lectures on {Subj}"],
    "transcript": ["{show} Transcript: {Subj}", "Ep. {n} Transcript: {Subj}"], "earnings": ["{q} Earnings Call: {co}", "{co} {q} Results Call"],
    "sparse": ["A Closer Look at {Subj}", "Notes on {Subj}", "Understanding {Subj}", "{Subj}: An Overview",
               "Field Notes on {Subj}", "Thinking About {Subj}", "{Subj} in Brief"],
}
TITLE_NEEDS = {"Subj": "subj", "X": "x", "X2": "x2", "p": "p", "p2": "p2", "pl": "pl", "pl2": "pl2", "ev": "ev",
               "o": "o", "scene_title": "scene", "Form": "form", "perf": "perf"}
PROFILES = [  # (profile, modality, id prefix, builder key, count)
    ("video_colpali_smol500_mv_frame", "VIDEO", "vid", "vf", 96),
    ("video_videoprism_base_mv_chunk_30s", "VIDEO", "vid", "vc", 96),
    ("document_text_semantic", "DOCUMENT", "doc", "dt", 96),
    ("document_colpali_page", "DOCUMENT", "doc", "dp", 80),
    ("image_caption_siglip", "IMAGE", "img", "img", 165),
    ("audio_transcript_whisper", "AUDIO", "aud", "aud", 160),
]
KINDS = {"vc": {"talk": 3, "lecture": 2, "interview": 2, "tutorial": 2, "panel": 1},
         "dt": {"report": 3, "research paper": 3, "manual": 2, "policy": 1, "book": 2, "case study": 1, "white paper": 1, "literature review": 1},
         "dp": {"slide deck": 3, "scanned form": 2, "invoice": 2, "brochure": 2, "datasheet": 2, "poster": 1, "infographic": 1},
         "aud": {"podcast": 4, "interview": 2, "lecture": 2, "transcript": 2, "earnings": 4, "music": 12}}
MINUTES = {"vf": (3, 24), "vc": (18, 75), "aud": (12, 70), "music": (25, 90)}
SOURCES = {k: v.split(",") if "," in v else v for k, v in (e.split("=") for e in (  # noqa: SIM905 (item kind = source)
    "vf=newsroom_archive,field_footage,documentary_unit,brand_studio|photo=photo_desk,newsroom_archive,stock_library|"
    "talk=conference_talks|panel=conference_talks|slide deck=conference_talks|poster=conference_talks|"
    "lecture=lecture_capture|lecture_a=lecture_capture|interview=interview_studio|tutorial=training_portal|"
    "report=research_library|research paper=research_library|literature review=research_library|"
    "white paper=research_library|manual=engineering_wiki|policy=policy_archive|book=book_catalog|"
    "case study=knowledge_base|briefing note=knowledge_base|scanned form=scanned_records|handout=scanned_records|"
    "invoice=finance_inbox|brochure=marketing_assets|flyer=marketing_assets|datasheet=vendor_docs|"
    "infographic=design_team|diagram=design_team|podcast=podcast_network|transcript=podcast_network|"
    "explainer=podcast_network|interview_a=radio_archive|earnings=investor_relations|music=music_library").split("|"))}


def month_end(year: int, month: int) -> datetime:
    return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC) - timedelta(seconds=1)


def not_before(s: str) -> datetime:
    """Earliest plausible date for a sentence, from the 2024-2025 (or earlier) dates it mentions."""
    found = datetime(2000, 1, 1, tzinfo=UTC)
    for prefix, year in re.findall(r"(?:(" + "|".join(MONTHS) + r"|Q[1-4]|late) )?(20[0-9]{2})\b", s):
        y = int(year)
        if y > 2025:
            continue
        if prefix == "late":
            d = month_end(y, 12)
        elif prefix.startswith("Q"):
            d = month_end(y, int(prefix[1]) * 3)
        else:
            d = month_end(y, MONTHS.index(prefix) + 1) if prefix else datetime(y, 7, 1, tzinfo=UTC)
        found = max(found, d)
    return found


def parse_topics(src: str) -> list[dict]:
    topics = []
    for block in src.strip().split("\n@ "):
        header, *fields = " || ".join(block.lstrip("@ ").strip().split("\n")).split(" || ")
        head = [h.strip() for h in header.split("|")]
        t: dict = {"name": head[0], "mods": head[1], "show": head[2], "chan": head[3], "flags": head[4:]}
        for field in fields:
            key, _, val = field.partition(":")
            t[key.strip()] = [v.strip() for v in val.split(" | ")]
        t["people"] = [tuple(s.split(" = ")) for s in t["people"]]
        t["scenes"] = [tuple(s.split(" ~ ")) for s in t["scenes"]]
        t["company"] = next((o[:-1] for o in t["orgs"] if o.endswith("$")), None)
        t["orgs"] = [o.rstrip("$") for o in t["orgs"]]
        t["dates"] = {s: not_before(s) for s in t["facts"] + t["events"] + [c for _, c in t["scenes"]]}
        topics.append(t)
    return topics


def titlecase(s: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) if w.islower() and w not in SMALL else w
                    for w in s.split())


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def shift(d: datetime, months: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + months
    return m // 12, m % 12 + 1


def stems(s: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", s.lower())}


def best_match(options: list[str], scene, rng: random.Random) -> str:
    """The option sharing most words with the scene (random among ties, or overall if nothing is shared)."""
    scores = [len(stems(o) & stems(" ".join(scene))) if scene else 0 for o in options]
    return rng.choice([o for o, sc in zip(options, scores, strict=True) if sc == max(scores)])


def surname(name: str) -> str:
    words = name.split()
    return " ".join(words[next((i for i, w in enumerate(words) if w in ("van", "de", "der", "von")), len(words) - 1):])


def make_ctx(t: dict, rng: random.Random, created: datetime, minutes: tuple[int, int], scene=None, scene2=None) -> dict:
    people, places = rng.sample(t["people"], 3), rng.sample(t["places"], 3)
    if scene:  # the people and places a scene shows go first
        named = [pp for pp in t["people"] if pp[0] in scene[1]]
        people = (named + [pp for pp in people if pp not in named])[:3]
        shown = [p for p in t["places"] if p.replace("the ", "") in scene[1]]
    else:  # otherwise a place the lead person is tied to
        shown = [p for p in t["places"] if p in people[0][1]]
    places = (shown + [p for p in places if p not in shown])[:3]
    orgs, things = rng.sample(t["orgs"], 2), rng.sample(t["things"], 2)
    facts = [f for f in t["facts"] if t["dates"][f] <= created]
    facts = facts if len(facts) >= 3 else t["facts"]
    lead = best_match(facts, scene, rng)
    facts = [lead, *rng.sample([f for f in facts if f != lead], 2)]
    events = [e for e in t["events"] if t["dates"][e] <= created] or t["events"]
    y, m = shift(created, -rng.randint(0, 2))
    y0, m0 = shift(created, -rng.randint(12, 26))
    qi, host, subj = (created.month - 1) // 3, rng.choice(HOSTS), best_match(t["subjects"], scene, rng)
    form, plain, views = rng.choice(FORMS), rng.sample(t["plain"], 2), rng.sample(t["views"], 2)
    co_seed = sum(map(ord, t["company"] or t["name"]))
    return {
        "p": people[0][0], "pr": f"{people[0][0]}, {people[0][1]},", "p2": people[1][0], "role2": people[1][1],
        "pr2": f"{people[1][0]}, {people[1][1]},", "p3": people[2][0], "last": surname(people[0][0]),
        "o": orgs[0], "o2": orgs[1], "pl": places[0], "pl2": places[1], "pl3": places[2], "x": things[0],
        "x2": things[1], "X": titlecase(things[0]), "X2": titlecase(things[1]), "ev": rng.choice(events),
        "subj": subj, "Subj": titlecase(subj), "mon": f"{MONTHS[m - 1]} {y}", "mon0": f"{MONTHS[m0 - 1]} {y0}",
        "y0": created.year - rng.randint(5, 15), "q": f"Q4 {created.year - 1}" if qi == 0 else f"Q{qi} {created.year}",
        "yr": created.year, "n": rng.randint(2, 180), "k": rng.randint(2, 9), "k2": rng.randint(12, 48),
        "k3": rng.randint(18, 140), "mins": rng.randint(*minutes), "days": rng.randint(3, 21),
        "ts": f"{rng.randint(2, 48)}:{rng.randint(0, 59):02d}", "ts2": f"{rng.randint(49, 58)}:{rng.randint(0, 59):02d}",
        "host": host, "hf": host.split()[0], "show": t["show"], "chan": t["chan"], "co": t["company"] or orgs[0],
        "ph": rng.choice(PHOTOGRAPHERS), "cam": rng.choice(CAMERAS), "bank": rng.choice(BANKS), "form": form,
        "Form": titlecase(form), "inv": f"INV-{created.year}-{rng.randint(100, 9999):04d}",
        "amt": f"{rng.choice(['€', '$', '£'])}{rng.randint(900, 98000):,}.{rng.choice(['00', '50', '20'])}",
        "rev": rng.randint(180, 4800), "pct": rng.randint(2, 31), "gm": f"{rng.randint(18, 62)}.{rng.randint(0, 9)}",
        "cash": rng.randint(40, 2500), "fact1": facts[0], "fact2": facts[1], "fact3": facts[2],
        "quote": rng.choice(t["quotes"]), "plain1": plain[0], "plain2": plain[1], "view1": views[0], "view2": views[1],
        "scene": scene[1] if scene else "", "scene_title": scene[0] if scene else "", "scene2": scene2[1] if scene2 else "",
        "perf": next((n for n, r in t["people"] if any(w in r for w in PERFORMERS)), people[0][0]),
        "ceo": EXECS[co_seed % len(EXECS)], "cfo": EXECS[(co_seed + 5) % len(EXECS)],
    }


def assemble(shape: list[str], lib: dict, opener: str, c: dict, rng: random.Random) -> str:
    out, used = [], set()
    for tok in shape:
        options = lib[opener] if tok == "OP" else lib.get(tok, [tok])
        tpl = rng.choice([o for o in options if o not in used] or options)
        used.add(tpl)
        out.append(cap(tpl.format(**c)))
    text = re.sub(r",([.:;])", r"\1", " ".join(out))
    return re.sub(r"\b([Aa]) (?=8|11\b|18\b)", r"\1n ", text)


def pick_title(options: list[str], c: dict, text: str, rng: random.Random) -> str:
    """A title template whose entities all appear in the text (any template if none fits)."""
    low = text.lower()
    fits = [o for o in options
            if all(c[TITLE_NEEDS[k]].lower() in low for k in re.findall(r"\{(\w+)\}", o) if k in TITLE_NEEDS)]
    return cap(rng.choice(fits or options).format(**c))


def build(key: str, t: dict, rng: random.Random, created: datetime, density: str, scenes_left: list) -> dict:
    scene = scene2 = None
    ok_scenes = [s for s in t["scenes"] if t["dates"][s[1]] <= created]
    kind = {"vf": "vf", "img": "photo"}.get(key, "")
    if key in KINDS:
        weights = dict(KINDS[key])
        for k, flag in (("earnings", "biz"), ("music", "music")):
            weights[k] = weights.get(k, 0) * (flag in t["flags"])
        if "noprod" in t["flags"]:
            weights.update(datasheet=0, invoice=0)
        kind = rng.choices(list(weights), list(weights.values()))[0]
    if key == "vf" and density != "sparse":
        scene, scene2 = rng.sample(ok_scenes, 2)
    if key == "img" and density != "sparse":
        fresh = [s for s in scenes_left if s in ok_scenes]
        if fresh and rng.random() > 0.2:
            scene = fresh[0]
            scenes_left.remove(scene)
        else:
            kind = "diagram"
    c = make_ctx(t, rng, created, MINUTES.get(kind, MINUTES.get(key, (5, 30))), scene, scene2)
    lib = dict(LIB[key], **SHARED)
    titles = TITLES.get(kind + "_a" if key == "aud" and kind in ("interview", "lecture") else kind, [])
    if density == "sparse":
        i = rng.randrange(2)
        kind, shape, opener, titles = SPARSE_KINDS[key][i], lib["sparse"][i], "OP", TITLES["sparse"]
    else:
        if kind in PAIRED:
            pairs = [d for d in PAIRED[kind] if not ("noprod" in t["flags"] and d[0].startswith("Cutaway"))]
            title_tpl, lib[kind] = (pair := rng.choice(pairs))[0], [pair[1]]
            titles = [title_tpl]
        shape = list(rng.choice(KIND_SHAPES.get(kind, lib["shapes"])))
        if density == "rich":
            pos = max(1, len(shape) - 1)
            shape[pos:pos] = ["RA", "RB"]
        opener = kind if kind in lib else "OP"
    text = assemble(shape, lib, opener, c, rng)
    src = SOURCES.get(kind + "_a" if key == "aud" and kind in ("interview", "lecture") else kind, SOURCES["vf"])
    return {"title": pick_title(titles, c, text, rng), "text": text, "kind": kind, "ctx": c,
            "source": rng.choice(src) if isinstance(src, list) else src}


def metadata(key: str, t: dict, item: dict, rng: random.Random) -> dict:
    text, c, kind = item["text"], item["ctx"], item["kind"]
    voices = [c["host"], c["p"], c["p2"], c["perf"], c["ceo"], c["cfo"]]
    speakers = list(dict.fromkeys(n for n in voices if n in text or (n == c["host"] and f"{c['hf']}:" in text)))
    place = next((p for p in t["places"] if p in text), c["pl"])
    dur = c["mins"] * 60 + rng.randint(0, 59)
    if key == "vf":
        md = {"channel": c["chan"], "duration_s": dur, "resolution": rng.choice(["3840x2160", "1920x1080", "2560x1440"]),
              "fps": rng.choice([24, 25, 30, 60]), "keyframes": dur // rng.choice([4, 5, 6]), "location": place}
    elif key == "vc":
        md = {"kind": kind, "channel": c["chan"], "duration_s": dur, "speakers": speakers, "chunk_s": 30,
              "n_chunks": -(-dur // 30), "language": "en"}
        if c["ev"] in text:
            md["event"] = c["ev"]
    elif key == "dt":
        authors = [n for n, _ in t["people"] if n in text][:3] or [c["p"]]
        md = {"doc_type": kind, "authors": authors, "pages": rng.randint(180, 420) if kind == "book" else rng.randint(4, 60),
              "publisher": rng.choice(PUBLISHERS) if kind == "book" else c["o"], "language": "en"}
    elif key == "dp":
        pages = {"invoice": 1, "infographic": 1, "poster": 1, "datasheet": 2, "flyer": 1, "slide deck": c["k2"]}
        md = {"doc_type": kind, "pages": pages.get(kind, c["k"]), "issuer": c["o"],
              "scanned": kind in ("scanned form", "invoice", "handout") or rng.random() < 0.25}
    elif key == "img" and kind == "diagram":
        md = {"kind": "diagram", "tool": rng.choice(["Figma", "Adobe Illustrator", "Inkscape"]), "width": 1600,
              "height": rng.choice([900, 1200, 2000])}
    elif key == "img":
        w, h = rng.choice([(6000, 4000), (4000, 6000), (5472, 3648), (4032, 3024)])
        md = {"kind": "photo", "camera": c["cam"], "photographer": c["ph"], "location": place, "width": w, "height": h}
    else:
        md = {"kind": kind, "show": f"{c['co']} investor relations" if kind == "earnings" else c["show"],
              "duration_s": dur, "speakers": speakers, "language": "en"}
        if kind in ("podcast", "transcript"):
            md["episode"] = c["n"]
    tags = rng.sample(t["tags"], rng.randint(2, 4))
    extra = {"diagram": "diagram", "earnings": "earnings call", "invoice": "invoice", "interview": "interview"}
    md.update({"topic": t["name"], "tags": [*tags, extra[kind]] if kind in extra else tags})
    return md


def main() -> None:
    rng = random.Random(2024)
    topics = parse_topics(TOPICS)
    slots = []
    for profile, modality, prefix, key, count in PROFILES:  # round-robin over the topics that have this modality
        eligible, order = [t for t in topics if modality[0] in t["mods"]], []
        while len(order) < count:
            order += rng.sample(eligible, len(eligible))
        slots += [(profile, modality, prefix, key, t) for t in order[:count]]
    start, span = datetime(2024, 1, 1, tzinfo=UTC), 731 * 86400  # 2024-01-01 .. 2025-12-31
    dates = []
    for i in range(len(slots)):  # stratified: one date per equal slice of the two years
        day = start + timedelta(seconds=int((i + rng.random()) * span / len(slots)))
        dates.append(day.replace(hour=rng.randint(6, 21), minute=rng.choice(range(0, 60, 5)), second=0))
    rng.shuffle(dates)
    scenes_left = {t["name"]: rng.sample(t["scenes"], len(t["scenes"])) for t in topics}
    seen_text: set[str] = set()
    seen_title: set[str] = set()
    items = []
    for (profile, modality, prefix, key, t), created in zip(slots, dates, strict=True):
        roll = rng.random()
        density = "sparse" if roll < 0.1 else "rich" if roll > 0.8 else "normal"
        for attempt in range(60):
            item = build(key, t, rng, created, density, scenes_left[t["name"]])
            words, title_words = len(item["text"].split()), len(item["title"].split())
            if (item["text"] not in seen_text and 25 <= words <= 120 and 3 <= title_words <= 14
                    and (item["title"] not in seen_title or attempt > 40)):
                break
        else:
            raise SystemExit(f"could not build a distinct item for {profile} / {t['name']}")
        seen_text.add(item["text"])
        seen_title.add(item["title"])
        items.append({"profile": profile, "modality": modality, "prefix": prefix, "title": item["title"],
                      "text": item["text"], "created_at": created, "source": item["source"],
                      "metadata": metadata(key, t, item, rng)})
    rows = []
    for prefix in sorted({i["prefix"] for i in items}):  # ids follow creation order within each modality
        group = sorted((i for i in items if i["prefix"] == prefix), key=lambda i: (i["created_at"], i["title"]))
        rows += [{"id": f"demo-{prefix}-{n:04d}", "profile": i["profile"], "modality": i["modality"],
                  "title": i["title"], "text": i["text"], "created_at": i["created_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "source": i["source"], "metadata": i["metadata"]} for n, i in enumerate(group, 1)]
    rows += [json.loads(line) for line in CREATIVE_WORKS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: r["id"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"wrote {len(rows)} items to {OUT}")


if __name__ == "__main__":
    main()
