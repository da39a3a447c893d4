"""Source of tests/gold/hedge_sentences_ood.jsonl (hand-written, see docs/annotation/hedge_sentences_ood.md).

Markup: {cue text|T} marks a hedge cue; T is one of
  E=epistemic_verb M=modal A=approximator P=probability V=evidential W=weasel D=downtoner O=other
Text after " || " lists hard-negative surface forms (semicolon-separated) that occur in the sentence
but are NOT used as hedges. Run this file to regenerate the JSONL (deterministic).
"""
import json
import random
import re
from pathlib import Path

TYPES = {"E": "epistemic_verb", "M": "modal", "A": "approximator", "P": "probability",
         "V": "evidential", "W": "weasel", "D": "downtoner", "O": "other"}

ENCY = r"""
The fortress {is believed to|E} have been built in the late twelfth century by the counts of Toulouse, who used it to control the river crossing.
{Some scholars argue|W} that the poem was composed by two different authors working a generation apart.
The original manuscript was {possibly|P} destroyed in the fire that swept through the abbey library in 1731.
{It has been suggested that|W} the comet's unusual orbit resulted from a close encounter with Jupiter.
The lake covers {approximately|A} 1,200 square kilometres and reaches a maximum depth of 89 metres.
The altarpiece {may|M} have been commissioned by a wealthy wool merchant from Bruges for his family chapel.
The species {is thought to|E} have diverged from its closest relatives during the Pliocene.
The composer {reportedly|V} wrote the entire second act in under a week while staying at his sister's farmhouse, where he had retreated after the disastrous premiere of his previous opera and the collapse of his engagement to the soprano who sang in it.
The viaduct {is often considered|W} the finest example of Victorian railway engineering in the region.
The tribe {likely|P} migrated southward after a series of droughts in the fourteenth century.
The inscription {appears to|E} record a land grant made by a provincial governor to a local temple.
Pollen records from the valley {suggest|E} that farming began there {around|A} 6000 BC, considerably earlier than on the surrounding uplands.
Larger males {tend to|O} win more territorial disputes, although smaller males often mate successfully by stealth.
The collapse of the dynasty was caused {in part|D} by a prolonged series of crop failures and rising taxes.
The reforms succeeded {to some extent|D}, though rural literacy remained low until the 1950s.
The ship {presumably|P} sank somewhere between the Azores and the Portuguese coast during the storm of 1852.
The mayor {allegedly|V} accepted payments from construction firms bidding for the harbour contract.
The singer was {rumoured|V} to be retiring after the 1978 tour, but she continued performing for another decade.
The sword {purportedly|V} belonged to a fifteenth-century Highland chieftain and was displayed at the castle until 1920.
{It is unclear whether|O} the two settlements were ever governed by a single ruler.
Historians continue to debate {whether or not|O} the general ordered the retreat himself.
{Unconfirmed|V} accounts place the explorer in Timbuktu in 1826, a year before his death.
The city walls enclosed {roughly|A} 40 hectares at their greatest extent.
{Some|A} 300 workers were employed in the quarry during the construction of the cathedral.
The festival attracts fifty thousand visitors {or so|A} each summer, most of them from neighbouring provinces.
Contemporary newspapers put the crowd at the funeral at {up to|A} 20,000 people.
Thousands died in the epidemic, though {the exact number is unknown|O} because parish registers from the period were lost.
The hermit {is said to|V} have lived in the cave for more than forty years.
The novel {has been described as|W} the most important work of Brazilian modernism.
{Many consider|W} the 1954 final the greatest match in the tournament's history.
The temple was {probably|P} abandoned after the river changed course in the ninth century.
The mineral {could|M} have formed through hydrothermal alteration of older basalt.
The battle took place {around|A} 1460, {possibly|P} near the modern village of Hexham.
The king's sudden death was {widely attributed|W} to poison at the time, although an exhumation in 1890 found no trace of arsenic.
The place name {may|M} derive from an Old Norse term for a shallow bay.
The population of the island was {estimated|A} at 4,000 in 1850.
{It is generally believed that|W} the first settlers arrived by canoe from the islands to the west.
The gene {seems to|E} play a role in regulating the timing of flowering in response to day length.
The sprinter's withdrawal from the championships was {apparently|V} linked to a recurring knee injury.
{Critics have argued|W} that the film glorifies the violence it depicts.
The castle {might|M} have served as a hunting lodge rather than a permanent residence.
The orchestra was founded in {about|A} 1820 by a group of amateur musicians who met in the back room of a tavern.
The dialect is spoken by {an estimated|A} 15,000 people along the northern coast.
{According to some sources|W}, the architect never visited the building site.
The plague {is suspected|E} to have arrived with merchant ships from the eastern Mediterranean.
The authenticity of the letter {remains disputed|O}, with handwriting experts divided on its origin.
The eruption {perhaps|P} contributed to the unusually cold summers recorded across Europe in the following decade.
{There is some evidence|O} that the road followed an older pre-Roman trackway.
The tower was {almost certainly|P} rebuilt after the earthquake of 1348.
The club's first recorded match was {likely|P} played on a field behind the local brewery.
The author {is presumed|E} to have died in Lisbon, though no burial record has been found.
{Some researchers believe|W} the cave paintings are several thousand years older than the dates obtained in the 1970s.
The mountain appears on sixteenth-century maps under a different name, {suggesting|E} that it was once associated with a monastery. || appears
After the primaries the governor became the {likely|P} nominee of the party.
The fossil {could|M} represent a juvenile of a known species rather than a new genus.
The custom {may|M} have originated in May Day celebrations in the sixteenth century. || May
Forty of the monastery's manuscripts {are thought to|E} have been lost during the Napoleonic Wars.
The new dam {is expected to|P} reduce seasonal flooding downstream by half.
The climate of the plateau is {somewhat|D} drier than that of the surrounding lowlands.
The treaty was {reportedly|V} signed in a tent on the riverbank because neither delegation would enter the other's territory. || would
{It is possible that|P} the two manuscripts were copied from a common lost source.
The bird {has been reported|V} from the island only twice, and its presence there {remains uncertain|O}.
The fresco {is generally attributed|W} to a pupil of Giotto.
Spectroscopic observations {indicate|E} that the star is {likely|P} surrounded by a disk of dust.
The writer {seems|E} to have abandoned the novel after the death of his brother in 1917.
The origin of the name {is uncertain|O}, though it {may|M} come from a Celtic word for oak.
The first ascent of the peak was {perhaps|P} made by shepherds long before the recorded climb of 1865.
{It is widely held that|W} the architect borrowed the design of the dome from a Byzantine church he had visited as a young man.
In May 1842 the garrison {reportedly|V} abandoned the fort without firing a shot. || May
The herbal remedy {may|M} reduce inflammation, although clinical trials have produced conflicting results, and certain patients report side effects. || certain
The painter could draw with either hand, and he {is believed to|E} have trained several assistants to do the same. || could
The clan {is said to|V} have gathered around the standing stone each midsummer to settle disputes. || around
The treaty was signed in Utrecht on 11 May 1713, ending more than a decade of war. || May
The documentary is a film about the construction of the Panama Canal and the thousands of workers who died building it. || about
The pilgrims walked around the lake before entering the shrine on its northern shore. || around
As a child she could swim across the bay, a feat that later inspired her career in open-water racing. || could
Under the constitution, the president can veto any bill passed by the national assembly. || can
In his later essays the philosopher asked readers to think about the moral status of animals. || think about
The actor appeared in three films directed by Akira Kurosawa during the 1950s. || appeared
Certain species of wasp lay their eggs inside the bodies of living caterpillars. || Certain
In 1859 the engineer suggested a tunnel beneath the river as an alternative to a second bridge. || suggested
During the winter months, the villagers would cut ice from the frozen lake and store it in straw-lined cellars. || would
Visitors to the island should obtain a permit from the park authority before landing. || should
In the final canto the hero wrestles the sea serpent with all his might. || might
The treaty was without doubt the most significant diplomatic achievement of his career. || without doubt
Christians believe in the resurrection of Jesus, which is celebrated at Easter. || believe
The tribe's land claim was settled in 1998 with a cash payment and the return of several lakes. || claim
The contractor's estimate for the restoration was submitted to the council in March and approved without amendment. || estimate
The new footbridge is quite unlike any other structure in the city. || quite
A flashing red light on the control panel indicates that the reactor has entered shutdown mode. || indicates
Silk feels cool against the skin because it conducts heat away from the body. || feels
The rebellion was doubtless the gravest challenge to royal authority in the century. || doubtless
After investigators recovered the fuel cans, there was no doubt that the fire had been set deliberately. || no doubt
Without the railway, the journey from the coast to the capital would take four days by coach. || would
The Rhône rises in the Swiss Alps and flows into the Mediterranean Sea west of Marseille.
The museum's collection includes 214 paintings, 60 sculptures and a large archive of letters written by the artist.
Hurricane Andrew made landfall in southern Florida on 24 August 1992.
The novel appeared in 1925 and sold out its first printing within a month. || appeared
The field guide explains how certain mushrooms can be distinguished from their poisonous lookalikes. || certain; can
The manager suggested that the players rest for a week before the final. || suggested
The chess champion could recite every game of the 1927 world championship from memory. || could
The gauge on the spillway indicates the water level of the reservoir in centimetres. || indicates
Honey bees communicate the direction of food sources through a movement known as the waggle dance.
In May the meadows are covered with wild orchids, which attract botanists from across Europe. || May
The poem is about a fisherman who loses his son in a storm off the coast of Galway. || about
The marathon route winds around the old harbour before finishing in the central square. || around
The theorem states that every continuous function on a closed interval attains a maximum and a minimum.
The University of Bologna was founded in 1088 and has operated continuously since then.
The band appeared on stage at the festival for the last time in 1994. || appeared
The monks of the order believe in the virtue of silence and speak only during the evening meal. || believe
The empire was at the height of its military might in the early sixteenth century. || might
Students at the academy could choose between Latin and Greek from their second year. || could
Residents can vote in municipal elections after living in the city for six months. || can
The cathedral's spire is 123 metres tall, making it the tallest church spire in the country.
The 1966 final was played at Wembley Stadium in front of 96,924 spectators.
The volcanic island appeared above the sea surface in November 1963 after an undersea eruption. || appeared
Certain provisions of the act were repealed in 1921, but most remain in force today. || Certain
The senator suggested a compromise on the tariff bill, and it passed the following week. || suggested
The king would hunt in the forest every autumn, staying at a lodge near the river. || would
Under the traffic code of Ireland, drivers should keep to the left on all public roads. || should
Each member of the academy may nominate one candidate for the annual prize. || may
The tribunal rejected the company's claim for compensation in a ruling issued in 2019. || claim
Patients with the condition feel a burning pain in the hands and feet. || feel
The Council of Trent met in 25 sessions between 1545 and 1563.
The opera premiered at La Scala in 1904 and was revised for a later production in Brescia.
The river's water level rose by 4.2 metres during the flood of 1927, submerging the lower town.
The glacier has retreated by 1.3 kilometres since regular measurements began in 1901.
The tournament is held every four years, and the host nation qualifies automatically.
Mozart wrote his first symphony in London at the age of eight.
The Nile is formed by the confluence of the White Nile and the Blue Nile at Khartoum.
The lighthouse was automated in 1982 and no longer has a resident keeper.
The act made school attendance compulsory for all children between the ages of five and twelve.
The company's headquarters moved from Hamburg to Munich in 2003.
The manuscript is written on vellum in a Carolingian minuscule hand and contains 212 leaves.
The prime minister resigned on 3 May after losing a vote of confidence in parliament. || May
The exhibition is about the role of women in the textile industry during the nineteenth century. || about
By the age of six the children could read and write in two languages. || could
Fans crowded around the team bus as it arrived at the stadium. || around
The rules state that a bowler can deliver no more than ten overs in a one-day international. || can
In 1923 his doctor suggested a daily walk to strengthen his weakened lungs. || suggested
The region's farmers would plant rice in the wet season and beans in the dry season. || would
Later measurements established beyond doubt that light travels at a finite speed. || beyond doubt
The architect's estimate of two million guilders proved far too low, and the final cost was 5.8 million. || estimate
On the survey map, a small red triangle indicates a site of archaeological interest. || indicates
The parliament can be dissolved only by the monarch on the advice of the prime minister. || can
She appeared as a witness before the inquiry in May 1912. || appeared; May
The general marched his troops around the marsh to attack the enemy from the rear. || around
The book explains why certain languages have no words for left and right, using directions such as north and south instead. || certain
Tea was first brought to England by Dutch traders in the seventeenth century.
The Tour de France was first held in 1903 and has been interrupted only by the two world wars.
Copper conducts electricity more efficiently than aluminium but is considerably heavier.
The central bank raised interest rates three times in 2022 in an effort to curb inflation.
The cyclist appeared before the disciplinary panel in Lausanne and was banned for two years. || appeared
The queen could speak six languages and corresponded with scholars throughout Europe. || could
Swimmers can enter the lagoon only at low tide, when the reef protects them from the current. || can
Although the city hosted the Games in 1908, 1948 and 2012, it has never hosted the Winter Olympics.
The cathedral choir performs evensong every day during term, and visitors may attend without a ticket. || may
The long-distance footpath runs for 429 kilometres along the spine of the Pennines, from the Peak District in Derbyshire to the Scottish border at Kirk Yetholm, passing through three national parks and crossing Hadrian's Wall near the Roman fort of Housesteads on the way.
The independence movement, which had begun as a student protest in the capital in 1919, grew within two years into a national campaign supported by farmers, merchants and clergy.
Marie Curie remains the only person to have won Nobel Prizes in two different scientific fields.
"""

REVIEW = r"""
{I think|E} the battery life is the weakest part of this phone.
The sequel is {probably|P} the best thing the director has made since his debut.
The pasta {seems|E} {a little|D} overcooked, but the sauce makes up for it.
The hotel room was {kind of|D} small for the price we paid.
This blender {might|M} be too loud for a small apartment with thin walls.
{I guess|E} the ending works if you have read the earlier books in the series.
The customer service {could be better|O}, especially on weekends when the phone line is busy.
{In my opinion|O}, the second season is stronger than the first.
This is {arguably|P} the most comfortable running shoe on the market right now.
{Perhaps|P} the plot is too predictable for seasoned thriller fans.
{I suspect|E} most of the five-star reviews were written by people who received the product for free.
The lead actor is {sort of|D} wooden in the emotional scenes.
The app {tends to|O} crash when you open more than three tabs at once.
The dessert menu is {somewhat|D} limited, with only four options.
The breakfast was {fairly|D} good, though the coffee was lukewarm.
The novel drags {a bit|D} in the middle section, but the final hundred pages are gripping.
The vacuum {appears to|E} lose suction after {about|A} twenty minutes of use.
The chef's tasting menu is {probably|P} worth it for a special occasion.
{I'm not sure|O} the new formula is an improvement over the old one.
The camera's autofocus is {a bit|D} slow in low light.
The finale {may|M} disappoint viewers who wanted a clear resolution.
{I believe|E} the paperback edition has a different cover and an extra chapter.
The government's plan {seems to|E} rely on optimistic growth forecasts that few economists share.
These headphones {could|M} be a good option for commuters on a budget.
The restaurant is {rather|D} noisy on Friday nights.
{Maybe|P} I expected too much after all the hype.
The chapter on monetary policy is {somewhat|D} dated now.
{It seems to me that|E} the minister has misread the public mood on this issue.
The mattress is {reasonably|D} firm, which suited my back.
{I would say|E} the film is aimed more at teenagers than at adults.
The pool is {apparently|V} being renovated next year, so check before booking.
The sequel will {likely|P} appeal to fans of the original more than to newcomers.
The price is {roughly|A} double what you would pay at a supermarket. || would
The wait for a table was {around|A} forty minutes even with a reservation.
The main text is lively and well argued, but with more than two hundred pages of tables, footnotes and archival transcriptions at the back, {I doubt|E} many readers will make it through the appendices.
The new parking policy {could|M} hurt small shops on the high street more than the large chains.
The author {perhaps|P} relies too heavily on a single source for the later chapters.
The soundtrack is {kind of|D} forgettable, apart from the opening theme.
The food was good, but the portions were {a little|D} small for the price.
{I suppose|E} the design is fine if you do not care about portability. || about
The opposition's proposal {might|M} work in theory, but the costs have not been explained.
The heater {is said to|V} last ten years, but mine broke after eighteen months.
{Presumably|P} the manager knew about the mould in the bathroom. || about
The show {tends to|O} rely on cheap jump scares in the later episodes.
The staff were friendly, though check-in was {somewhat|D} disorganised.
{It looks like|E} the manufacturer cut corners on the stitching.
The reforms {appear to|E} have been rushed through without proper consultation.
These hiking boots run {about|A} half a size small, so order up.
{I feel like|E} the second half of the book loses focus.
The battery {should|M} last a full day with moderate use.
{Chances are|P} you will need to replace the filter every few months.
The editorial is {largely|D} right about the housing shortage, even if its proposed solutions are vague. || about
The hotel {seemed|E} recently renovated, with new carpets and fixtures in every room.
The vegetarian options were {a bit|D} of an afterthought.
{I'd guess|E} the recipe has been changed, because it tastes sweeter than it used to.
The council's decision {may well|M} be reversed after the next election.
This is {possibly|P} the worst sequel I have ever sat through.
The minister {reportedly|V} ignored advice from her own officials before announcing the cuts.
The story is {more or less|A} a retelling of a classic fairy tale.
{In a sense|O}, the documentary is more about grief than about music. || about
The price {could be better|O}, but the quality is excellent.
The plot is {not entirely|D} convincing, but the performances carry the film.
{Some would argue|W} that the tax cut mainly benefits the wealthy.
The jacket {should|M} be warm enough for winter, though I have only worn it in autumn.
The stadium plan will {probably|P} cost taxpayers far more than its backers admit.
{I'm fairly sure|O} the earlier model had a brighter screen.
The thriller is {not quite|D} as clever as it thinks it is.
{It's hard to say|O} whether the new menu is better than the old one.
The gym is {supposedly|V} open around the clock, but the doors were locked when I arrived at midnight. || around
The central character is {somewhat|D} unlikeable, which {may|M} put some readers off.
We stayed there in May, and the beach was {arguably|P} at its best before the summer crowds arrived. || May
She is the {likely|P} winner of this year's prize, and deservedly so.
I bought this kettle in May and it still works perfectly. || May
It is a film about war, but it never shows a single battle. || about
After dinner we walked around the lake behind the hotel and watched the sunset. || around
My daughter could swim at four, so she loved the hotel's big outdoor pool. || could
You can adjust the height of the desk with a single button. || can
The book made me think about how I spend my weekends. || think about
She appeared in three films last year, and this is by far her best performance. || appeared
Certain dishes on the menu are marked as spicy, and they really are. || Certain
The waiter suggested a walk along the harbour after our meal, which was a lovely idea. || suggested
When I was a student I would eat at this café every Sunday. || would
You should visit the rooftop bar at sunset. || should
In the final scene the hero swings the hammer with all his might. || might
This is without doubt the best pizza in the city. || without doubt
The fabric feels soft and holds its shape after washing. || feels
The staff were quite right to refuse entry to the drunk guests at the door. || quite
The green light indicates that the battery is fully charged. || indicates
No doubt about it: this is the finest jazz album of the year. || No doubt; about
The garage's estimate for the repair was 450 euros, and the final bill matched it exactly. || estimate
Doubtless the best thing about the hotel is its location right on the beach. || Doubtless; about
I filed a warranty claim and received a replacement within a week. || claim
The band appeared on stage two hours late, and half the crowd had already left. || appeared
The tour guide suggested a small restaurant near the station, and it was excellent. || suggested
The fries are crisp, the burger is juicy and the milkshake is thick.
Delivery took three days and the box arrived undamaged.
The screen is bright, sharp and easy to read in direct sunlight.
The hotel is a five-minute walk from the central station.
The plot is predictable and the dialogue is painfully stiff.
I have used this pan every day for two years and the coating has not scratched.
The minister's speech was a disgrace, and she owes voters an apology.
The author's case against the new tax is clear, well researched and persuasive.
Parking costs twelve dollars a night and must be booked in advance.
The documentary is about a family of beekeepers in rural Portugal. || about
We cycled around the island in a single afternoon. || around
The old model could hold a charge for a week, and this one still can. || could; can
Anyone can learn to cook these recipes, because the instructions are that clear. || can
I kept thinking about the final scene for days afterwards. || thinking about
The film follows a family who believe in miracles, and it treats their faith with respect. || believe
The restaurant serves certain dishes only on weekends, so plan accordingly. || certain
My feet felt fine after a twenty-kilometre hike in these boots. || felt
The council should fix the potholes on the high street before spending money on new signs. || should
Every morning the owner would bring us fresh bread from the bakery next door. || would
The new edition appeared in bookshops in May with a foreword by the author's daughter. || appeared; May
The critics were quite wrong about this film, which is a masterpiece. || quite; about
The sequel is undoubtedly weaker than the original. || undoubtedly
The airline rejected my claim for a lost bag, which is outrageous. || claim
The carpenter's written estimate included materials, labour and a two-year guarantee. || estimate
This is the third time I have stayed here, and it will not be the last.
The phone ships without a charger, which is annoying.
The mayor has broken every promise she made during the campaign.
The sauce is far too salty and the rice is undercooked.
The translation is faithful to the original and reads beautifully.
The series finale answered every question the show had raised.
Breakfast is served from seven until ten in the dining room.
I returned the headphones because the left earcup stopped working.
Each guest may bring one pet, subject to a small cleaning fee. || may
The season premiere airs in May on the public channel. || May
This is a novel about loneliness, and it captures it perfectly. || about
The kids ran around the garden while we ate. || around
I could not put this book down once the trial began. || could
The city can no longer afford to ignore its crumbling schools. || can
Readers who enjoyed her first novel will love this one.
The manager suggested I try the lamb, and I am glad I did. || suggested
The sofa feels firm at first but softens after a few weeks. || feels
This is quite simply the best thriller I have read this year. || quite
The coffee machine heats up in under a minute and is easy to clean.
The hotel upgraded us to a suite at no extra cost.
The film runs for two hours and forty minutes.
The battery lasted eleven hours in my video playback test.
The government's decision to close the library is short-sighted.
The stitching came loose after the second wash.
Thank you to the staff, who made our anniversary special.
The album's second side is stronger than the first.
The instructions are clear, and assembly took twenty minutes.
The room overlooks the river and has a small balcony.
The paper's editorial board has endorsed the same party in every election since 2008.
The restaurant does not take reservations for groups of fewer than six.
The author interviewed 212 veterans for this book.
This blender crushes ice in seconds and is surprisingly quiet.
Our server could speak four languages and switched easily between them. || could
The tripod can hold cameras weighing up to three kilograms. || can; up to
The theatre's seats are cramped, and the air conditioning was broken.
The columnist is right that rail fares are too high.
The care label says you should wash the cover by hand. || should
The tasting menu costs ninety pounds a head, wine is extra, and the kitchen closes at ten, so book early if you want the full seven courses.
I have owned three of these kettles over the past decade, and every one of them has failed in exactly the same way, with the switch snapping off weeks after the warranty expired, and the manufacturer has refused every request for a replacement part.
The reviewer who called this album a comeback clearly never listened to the second half, where the songwriting collapses into filler.
The route map indicates every charging station within a hundred kilometres. || indicates
The room service menu is short but everything we ordered arrived hot.
"""

PAT = re.compile(r"\{([^{}|]+)\|([A-Z])\}")


def parse(line):
    hn = []
    if " || " in line:
        line, rest = line.split(" || ")
        hn = [h.strip() for h in rest.split(";") if h.strip()]
    text, cues, pos, out = "", [], 0, []
    for m in PAT.finditer(line):
        out.append(line[pos:m.start()])
        start = sum(len(s) for s in out)
        out.append(m.group(1))
        cues.append({"cue": m.group(1), "start": start, "end": start + len(m.group(1)),
                     "type": TYPES[m.group(2)]})
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    assert "{" not in text and "|" not in text, line
    for h in hn:
        assert h in text, (h, text)
    return text, cues, hn


def build(block, prefix, genre, seed):
    items = [parse(l.strip()) for l in block.strip().splitlines() if l.strip()]
    random.Random(seed).shuffle(items)
    rows, seen = [], {True: 0, False: 0}
    for i, (text, cues, hn) in enumerate(items, 1):
        unc = bool(cues)
        split = "dev" if seen[unc] % 2 == 0 else "test"
        seen[unc] += 1
        rows.append({"id": f"{prefix}-{i:03d}", "genre": genre, "text": text, "uncertain": unc,
                     "cues": cues, "hard_negative_forms": hn, "split": split})
    return rows


if __name__ == "__main__":
    rows = build(ENCY, "ency", "encyclopaedic", 2010) + build(REVIEW, "rev", "review", 2011)
    out = Path(__file__).with_name("hedge_sentences_ood.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}")
