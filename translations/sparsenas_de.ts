<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>sparsenas::AblationPanel</name>
    <message>
        <location filename="../app/studio/ablationpanel.cpp" line="+129"/>
        <source>Optimizer / penalty pairs, one line each in the figure. Checked at first: the paper&apos;s six (the four optimizers with SGL, HAPG with Lasso and with Group Lasso).</source>
        <translation>Optimierer/Strafterm-Paare, je eine Linie in der Abbildung. Anfangs ausgewählt: die sechs des Papers (die vier Optimierer mit SGL, HAPG mit Lasso und mit Group Lasso).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>log10(lambda) of the first point (the paper: -5)</source>
        <translation>log10(lambda) des ersten Punkts (im Paper: -5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log10(lambda) of the last point (the paper: -3.7)</source>
        <translation>log10(lambda) des letzten Punkts (im Paper: -3.7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambdas, evenly spaced in log10 (the paper: at least 8)</source>
        <translation>Anzahl der Lambdas, gleichmäßig in log10 verteilt (im Paper: mindestens 8)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+358"/>
        <source>log10(λ)</source>
        <translation>log10(λ)</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Runs per method and lambda; the figure shows their mean and the min-max band</source>
        <translation>Läufe je Methode und Lambda; die Abbildung zeigt ihren Mittelwert und das Min-Max-Band</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training epochs of every run</source>
        <translation>Trainingsepochen jedes Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SGL&apos;s alpha: 1 is the Lasso, 0 the Group Lasso (Lasso and Group Lasso runs ignore it)</source>
        <translation>Alpha des SGL: 1 ist das Lasso, 0 das Group Lasso (Lasso- und Group-Lasso-Läufe ignorieren es)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAPG momentum (Eq. 7-8)</source>
        <translation>HAPG-Momentum (Gl. 7-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off by default: without a restart the momentum drives the small network back to chance after about 30 epochs (docs/ablation.md)</source>
        <translation>Standardmäßig aus: ohne Neustart treibt das Momentum das kleine Netz nach etwa 30 Epochen auf Zufallsniveau zurück (docs/ablation.md)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where ablation.csv (rewritten after every run), fig3.svg and fig3.pdf go</source>
        <translation>Wohin ablation.csv (nach jedem Lauf neu geschrieben), fig3.svg und fig3.pdf kommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder</source>
        <translation>Den Ordner wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every method x lambda x seed in the background</source>
        <translation>Jede Kombination aus Methode, Lambda und Seed im Hintergrund ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the current run; the table and the figure keep the runs that finished</source>
        <translation>Nach dem aktuellen Lauf anhalten; Tabelle und Abbildung behalten die fertigen Läufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show an earlier ablation&apos;s folder</source>
        <translation>Den Ordner einer früheren Ablation anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table as CSV, or the figure as SVG, PDF or PNG, as sparsenas ablation writes them</source>
        <translation>Die Tabelle als CSV oder die Abbildung als SVG, PDF oder PNG, wie sparsenas ablation sie schreibt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m runs</source>
        <translation>%v von %m Läufen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The panels fill in as the runs finish</source>
        <translation>Die Felder füllen sich, sobald die Läufe fertig sind</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Check at least one method.</source>
        <translation>Mindestens eine Methode auswählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log10(λ): the first point (%1) is above the last (%2).</source>
        <translation>log10(λ): der erste Punkt (%1) liegt über dem letzten (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder.</source>
        <translation>Den Ordner wählen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The ablation is running.</source>
        <translation>Die Ablation läuft.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds an ablation already; starting replaces it.</source>
        <translation>%1 enthält bereits eine Ablation; ein Start ersetzt sie.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Replace the ablation?</source>
        <translation>Die Ablation ersetzen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds an ablation already. Run a new one there and replace its table and figure?</source>
        <translation>%1 enthält bereits eine Ablation. Dort eine neue ausführen und ihre Tabelle und Abbildung ersetzen?</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The ablation is running; stop it before opening another.</source>
        <translation>Die Ablation läuft; vor dem Öffnen einer anderen anhalten.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>stand-alone validation accuracy</source>
        <translation>Validierungsgenauigkeit (eigenständig)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>selected input features</source>
        <translation>ausgewählte Eingabemerkmale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remaining hidden neurons</source>
        <translation>verbleibende verdeckte Neuronen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>element sparsity</source>
        <translation>Elementsparsität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>features (of %1)</source>
        <translation>Merkmale (von %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neurons (of %1)</source>
        <translation>Neuronen (von %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zero weights (%)</source>
        <translation>Nullgewichte (%)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penalty</source>
        <translation>Strafterm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val. acc. %</source>
        <translation>Val.-Gen. %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neurons</source>
        <translation>Neuronen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zeros %</source>
        <translation>Nullen %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 of %2 runs finished</source>
        <translation>%1 von %2 Läufen fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished %1 runs; ablation.csv, fig3.svg and fig3.pdf are in %2.</source>
        <translation>%1 Läufe fertig; ablation.csv, fig3.svg und fig3.pdf liegen in %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped after %1 of %2 runs; the table and the figure hold those.</source>
        <translation>Nach %1 von %2 Läufen angehalten; Tabelle und Abbildung enthalten diese.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs in %1: %2</source>
        <translation>Läufe in %1: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1: choose .csv, .svg, .pdf or .png</source>
        <translation>%1: .csv, .svg, .pdf oder .png wählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ablation folder</source>
        <translation>Ablationsordner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open ablation folder</source>
        <translation>Ablationsordner öffnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export ablation</source>
        <translation>Ablation exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure PDF (*.pdf);;Figure SVG (*.svg);;Figure PNG (*.png);;Table CSV (*.csv)</source>
        <translation>Abbildung PDF (*.pdf);;Abbildung SVG (*.svg);;Abbildung PNG (*.png);;Tabelle CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>sparsenas::ArchWeightsView</name>
    <message>
        <location filename="../widgets/archweightsview.cpp" line="+39"/>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lock colour scale</source>
        <translation>Farbskala sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the current colour scale when new weights arrive, so that colours stay comparable over time</source>
        <translation>Die aktuelle Farbskala bei neuen Gewichten beibehalten, damit die Farben über die Zeit vergleichbar bleiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show values</source>
        <translation>Werte anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write each architecture weight into its cell</source>
        <translation>Jedes Architekturgewicht in sein Feld schreiben</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+102"/>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+55"/>
        <source>Normal cell</source>
        <translation>Normalzelle</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Recurrent cell</source>
        <translation>Rekurrente Zelle</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Epoch %1 · step %2 · 1 op frozen (crossed out)</source>
        <translation>Epoche %1 · Schritt %2 · 1 Operation eingefroren (durchgestrichen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epoch %1 · step %2 · %3 ops frozen (crossed out)</source>
        <translation>Epoche %1 · Schritt %2 · %3 Operationen eingefroren (durchgestrichen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 · step %2</source>
        <translation>Epoche %1 · Schritt %2</translation>
    </message>
    <message>
        <location line="+116"/>
        <location line="+16"/>
        <source>Architecture weights</source>
        <translation>Architekturgewichte</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot create the PDF &quot;%1&quot;.</source>
        <translation>Die PDF-Datei „%1“ kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot create the SVG &quot;%1&quot;.</source>
        <translation>Die SVG-Datei „%1“ kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot export the heatmap to &quot;%1&quot;: unsupported format &quot;%2&quot; (use .png, .pdf or .svg).</source>
        <translation>Die Heatmap kann nicht nach „%1“ exportiert werden: nicht unterstütztes Format „%2“ (.png, .pdf oder .svg verwenden).</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellExporter</name>
    <message>
        <location filename="../app/studio/cellexporter.cpp" line="+62"/>
        <location line="+71"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>The cell does not fit the DARTS genotype format: %1</source>
        <translation>Die Zelle passt nicht in das DARTS-Genotypformat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The genotype has no pt.darts form: %1</source>
        <translation>Der Genotyp hat keine pt.darts-Form: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Export failed</source>
        <translation>Exportieren fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellGraphView</name>
    <message>
        <location filename="../widgets/cellgraphview.cpp" line="+32"/>
        <source>Normal cell</source>
        <translation>Normalzelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recurrent cell</source>
        <translation>Rekurrente Zelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cell</source>
        <translation>%1-Zelle</translation>
    </message>
    <message>
        <location line="+376"/>
        <source>Show weights</source>
        <translation>Gewichte anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show removed nodes faded</source>
        <translation>Entfernte Knoten blass anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One edge per pair of nodes</source>
        <translation>Eine Kante je Knotenpaar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write each path&apos;s weight A on its edge; thicker pens for larger |A|.</source>
        <translation>Das Gewicht A jedes Pfads an seine Kante schreiben; dickere Linien für größeres |A|.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also draw the nodes that derivation removed, and their non-zero paths, in grey.</source>
        <translation>Auch die bei der Ableitung entfernten Knoten und ihre von null verschiedenen Pfade grau zeichnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw one edge for all operations between two nodes, labelled with the strongest ones, instead of one edge per operation.</source>
        <translation>Eine Kante für alle Operationen zwischen zwei Knoten zeichnen, beschriftet mit den stärksten, statt einer Kante je Operation.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show every path</source>
        <translation>Jeden Pfad zeigen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw only the paths with |A| at least this large (the selected path is always drawn)</source>
        <translation>Nur Pfade mit mindestens diesem |A| zeichnen (der ausgewählte Pfad wird immer gezeichnet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>|A| ≥</source>
        <translation>|A| ≥</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+367"/>
        <source>Pop out</source>
        <translation>Herauslösen</translation>
    </message>
    <message>
        <location line="-366"/>
        <source>Show the cells in a window of their own, or back in the dock</source>
        <translation>Die Zellen in einem eigenen Fenster zeigen oder zurück ins Dock holen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting for the first derivation…</source>
        <translation>Warten auf die erste Ableitung…</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Graphviz could not draw the cell:
%1</source>
        <translation>Graphviz konnte die Zelle nicht zeichnen:
%1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 hidden (|A| &lt; %2)</source>
        <translation>%1 ausgeblendet (|A| &lt; %2)</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>show all</source>
        <translation>alle zeigen</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Paths weaker than the threshold are not drawn; &quot;show all&quot; draws every path, one edge each</source>
        <translation>Pfade unter der Schwelle werden nicht gezeichnet; „alle zeigen“ zeichnet jeden Pfad als eigene Kante</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>collapsed: no node survives</source>
        <translation>kollabiert: kein Knoten überlebt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 nodes, 1 path</source>
        <translation>%1 von %2 Knoten, 1 Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 nodes, %3 paths</source>
        <translation>%1 von %2 Knoten, %3 Pfade</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 more non-zero path was removed with its dead node</source>
        <translation>1 weiterer von null verschiedener Pfad wurde mit seinem toten Knoten entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 more non-zero paths were removed with their dead nodes</source>
        <translation>%1 weitere von null verschiedene Pfade wurden mit ihren toten Knoten entfernt</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Dock</source>
        <translation>Andocken</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not write %1: no cell has been drawn yet.</source>
        <translation>%1 konnte nicht geschrieben werden: Es wurde noch keine Zelle gezeichnet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellHeatmap</name>
    <message>
        <location filename="../widgets/cellheatmap.cpp" line="+289"/>
        <location line="+282"/>
        <source>= 0</source>
        <translation>= 0</translation>
    </message>
    <message>
        <location line="-281"/>
        <location line="+286"/>
        <source>A, fixed</source>
        <translation>A, fixiert</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>%1 · %2: exactly 0 (pruned)</source>
        <translation>%1 · %2: genau 0 (entfernt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2: A = %3</source>
        <translation>%1 · %2: A = %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frozen: it stayed exactly 0 long enough (search.freeze_zero_epochs) and is no longer computed</source>
        <translation>eingefroren: lange genug exakt 0 (search.freeze_zero_epochs), wird nicht mehr berechnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;none&quot; is never a path</source>
        <translation>„none“ ist nie ein Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 was removed by derivation</source>
        <translation>Knoten %1 wurde bei der Ableitung entfernt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No architecture weights yet</source>
        <translation>Noch keine Architekturgewichte</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>A</source>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>sparsenas::CliJob</name>
    <message>
        <location filename="../app/studio/clijob.cpp" line="+29"/>
        <source>SPARSENAS_CLI is %1, which is not an executable program.</source>
        <translation>SPARSENAS_CLI ist %1, kein ausführbares Programm.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The sparsenas command was not found next to the studio (%1) nor on PATH; install it with the studio, or set SPARSENAS_CLI to its path.</source>
        <translation>Der Befehl sparsenas wurde weder neben dem Studio (%1) noch im PATH gefunden; mit dem Studio installieren oder SPARSENAS_CLI auf seinen Pfad setzen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A command is still running: %1</source>
        <translation>Ein Befehl läuft noch: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 ended abnormally (crashed or killed).</source>
        <translation>%1 endete unerwartet (abgestürzt oder beendet).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exited with code %2: %3</source>
        <translation>%1 endete mit Code %2: %3</translation>
    </message>
</context>
<context>
    <name>sparsenas::ComparisonView</name>
    <message>
        <location filename="../widgets/comparisonview.cpp" line="+39"/>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Params (M)</source>
        <translation>Parameter (M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mult-adds (M)</source>
        <translation>Mult.-Add. (M)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test acc. (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test ppl</source>
        <translation>Test-Perplexität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C × cells of an image network; the hidden size of a language model</source>
        <translation>C × Zellen eines Bildnetzes; die versteckte Größe eines Sprachmodells</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes kept per cell: normal/reduce, or the recurrent cell&apos;s</source>
        <translation>Behaltene Knoten je Zelle: normal/Reduktion, oder die der rekurrenten Zelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paths kept per cell: normal/reduce, or the recurrent cell&apos;s</source>
        <translation>Behaltene Pfade je Zelle: normal/Reduktion, oder die der rekurrenten Zelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters (without an auxiliary head)</source>
        <translation>Parameter (ohne Hilfskopf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiply-adds per image, or per word of a language model</source>
        <translation>Multiplikationen-Additionen je Bild, bei einem Sprachmodell je Wort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy of an image network</source>
        <translation>Testgenauigkeit eines Bildnetzes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test perplexity of a language model (a recurrent cell)</source>
        <translation>Test-Perplexität eines Sprachmodells (einer rekurrenten Zelle)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the evaluations in the runs folder again</source>
        <translation>Die Evaluierungen im Laufordner neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the table as CSV, Markdown or a LaTeX tabular</source>
        <translation>Die Tabelle als CSV, Markdown oder LaTeX-tabular speichern</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cannot read the evaluations: %1</source>
        <translation>Die Evaluierungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>hidden %1</source>
        <translation>versteckt %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wall time of the search that produced the genotype</source>
        <translation>Laufzeit der Suche, aus der der Genotyp stammt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The genotype did not come from a search on this disk</source>
        <translation>Der Genotyp stammt nicht aus einer Suche auf diesem Datenträger</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n of these runs stopped before their last epoch</source>
        <translation>
            <numerusform>%n dieser Läufe wurde vor seiner letzten Epoche angehalten</numerusform>
            <numerusform>%n dieser Läufe wurden vor ihrer letzten Epoche angehalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exp of the test loss per word; next-word accuracy %1 %</source>
        <translation>exp des Testverlusts je Wort; Genauigkeit beim nächsten Wort %1 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No runs folder</source>
        <translation>Kein Laufordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No evaluation in %1 yet: evaluate a finished search (Run ▸ Evaluate derived architecture) or run `sparsenas evaluate`.</source>
        <translation>Noch keine Evaluierung in %1: eine abgeschlossene Suche evaluieren (Lauf ▸ Abgeleitete Architektur evaluieren) oder `sparsenas evaluate` ausführen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n genotype(s) evaluated in %1</source>
        <translation>
            <numerusform>%n Genotyp in %1 evaluiert</numerusform>
            <numerusform>%n Genotypen in %1 evaluiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot tell the format of %1: use .csv, .md or .tex</source>
        <translation>Das Format von %1 ist unbekannt: .csv, .md oder .tex verwenden</translation>
    </message>
</context>
<context>
    <name>sparsenas::ConfigForm</name>
    <message>
        <location filename="../widgets/configform.cpp" line="+123"/>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load a shipped configuration; edits below start from it</source>
        <translation>Eine mitgelieferte Konfiguration laden; Änderungen unten bauen darauf auf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the run, written into its config.json</source>
        <translation>Name des Laufs, wird in seine config.json geschrieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>digits and devils-dictionary (a text, for the recurrent space) are embedded in the program; the others are read from a folder</source>
        <translation>digits und devils-dictionary (ein Text für den rekurrenten Raum) sind im Programm eingebettet; die anderen werden aus einem Ordner gelesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>default location</source>
        <translation>Standardort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of the data files; empty: the embedded digits or /usr/share/datasets/fashion-mnist</source>
        <translation>Ordner der Datendateien; leer: die eingebetteten digits oder /usr/share/datasets/fashion-mnist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image limit</source>
        <translation>Bildlimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images (0: all)</source>
        <translation>Nur die ersten N Trainingsbilder verwenden (0: alle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search space</source>
        <translation>Suchraum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>Raum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cnn: DARTS&apos;s convolutional cell on images; rnn: its recurrent cell on a text corpus (a language model)</source>
        <translation>cnn: die Faltungszelle von DARTS auf Bildern; rnn: ihre rekurrente Zelle auf einem Textkorpus (ein Sprachmodell)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Channels C</source>
        <translation>Kanäle C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial channels of the supernet</source>
        <translation>Anfängliche Kanalzahl des Supernetzes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked cells; reduction cells at 1/3 and 2/3</source>
        <translation>Gestapelte Zellen; Reduktionszellen bei 1/3 und 2/3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes per cell</source>
        <translation>Knoten pro Zelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate nodes N of each cell</source>
        <translation>Zwischenknoten N jeder Zelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candidate operations on every edge</source>
        <translation>Kandidatenoperationen auf jeder Kante</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language model (recurrent space)</source>
        <translation>Sprachmodell (rekurrenter Raum)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden size</source>
        <translation>Verdeckte Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embedding and hidden size alike (the decoder shares the embedding&apos;s weights)</source>
        <translation>Einbettungs- und verdeckte Größe zugleich (der Decoder teilt die Gewichte der Einbettung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps per batch</source>
        <translation>Schritte pro Batch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time steps of truncated backpropagation (bptt)</source>
        <translation>Zeitschritte der abgeschnittenen Rückpropagation (bptt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output dropout</source>
        <translation>Ausgabe-Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the cell&apos;s outputs, before the decoder</source>
        <translation>Auf den Ausgaben der Zelle, vor dem Decoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State dropout</source>
        <translation>Zustands-Dropout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On every state a node reads (DARTS&apos;s dropouth)</source>
        <translation>Auf jedem Zustand, den ein Knoten liest (dropouth von DARTS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input dropout</source>
        <translation>Eingabe-Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On x_t into the first state (dropoutx)</source>
        <translation>Auf x_t vor dem ersten Zustand (dropoutx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding dropout</source>
        <translation>Einbettungs-Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the embeddings (dropouti)</source>
        <translation>Auf den Einbettungen (dropouti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word dropout</source>
        <translation>Wort-Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words of the embedding matrix (dropoute)</source>
        <translation>Ganze Wörter der Einbettungsmatrix (dropoute)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AR</source>
        <translation>AR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation regularisation: alpha * mean(output^2)</source>
        <translation>Aktivierungsregularisierung: alpha * mean(Ausgabe^2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAR</source>
        <translation>TAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporal activation regularisation: beta * mean((h_t - h_{t-1})^2)</source>
        <translation>Zeitliche Aktivierungsregularisierung: beta * mean((h_t - h_{t-1})^2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture weights (sparse)</source>
        <translation>Architekturgewichte (dünnbesetzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAPG and AdamHAPG give exact zeros; SGD and Adam use the penalty&apos;s subgradient (the ablation&apos;s baselines)</source>
        <translation>HAPG und AdamHAPG liefern exakte Nullen; SGD und Adam verwenden den Subgradienten des Strafterms (die Baselines der Ablationsstudie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penalty</source>
        <translation>Strafterm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparse Group Lasso, Lasso (alpha = 1) or Group Lasso (alpha = 0)</source>
        <translation>Sparse Group Lasso, Lasso (alpha = 1) oder Group Lasso (alpha = 0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the L1 term in the SGL penalty, in [0, 1]</source>
        <translation>Anteil des L1-Terms am SGL-Strafterm, in [0, 1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda start</source>
        <translation>Lambda-Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty strength in the first epoch</source>
        <translation>Stärke des Strafterms in der ersten Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda step</source>
        <translation>Lambda-Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to lambda at every new epoch</source>
        <translation>Wird in jeder neuen Epoche zu Lambda addiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda cap</source>
        <translation>Lambda-Obergrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda never grows past this</source>
        <translation>Lambda wächst nie über diesen Wert hinaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Step size of the architecture optimizer</source>
        <translation>Schrittweite des Architekturoptimierers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network weights</source>
        <translation>Netzgewichte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SGD learning rate, cosine-annealed to the minimum</source>
        <translation>SGD-Lernrate, per Kosinus-Annealing bis zum Minimum abgesenkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rate</source>
        <translation>Minimale Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate at the last epoch</source>
        <translation>Lernrate in der letzten Epoche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search epochs</source>
        <translation>Suchepochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per step, for each split</source>
        <translation>Bilder pro Schritt, je Teilmenge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Ordnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First order, or second order by finite differences (paper Eq. 13)</source>
        <translation>Erste Ordnung oder zweite Ordnung über finite Differenzen (Paper, Gl. 13)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the split, the batches and the weights</source>
        <translation>Startwert für Aufteilung, Batches und Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cuda needs a LibTorch built with CUDA</source>
        <translation>cuda erfordert ein mit CUDA gebautes LibTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads (0: all cores)</source>
        <translation>CPU-Threads (0: alle Kerne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze dead ops after</source>
        <translation>Tote Operationen einfrieren nach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs an operation&apos;s weight must stay exactly zero before it is frozen: never computed again, its weight pinned at zero. 0 never freezes. Faster, but not the paper&apos;s algorithm (docs/method.md)</source>
        <translation>Epochen, die das Gewicht einer Operation exakt null bleiben muss, bevor sie eingefroren wird: nie mehr berechnet, ihr Gewicht bei null festgehalten. 0 friert nie ein. Schneller, aber nicht der Algorithmus des Artikels (docs/method.md)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This LibTorch has no CUDA device; the search runs on the CPU</source>
        <translation>Diese LibTorch hat kein CUDA-Gerät; die Suche läuft auf der CPU</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 problem:</source>
        <translation>1 Problem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>%1 Probleme:</translation>
    </message>
</context>
<context>
    <name>sparsenas::CurvesView</name>
    <message>
        <location filename="../widgets/curvesview.cpp" line="+73"/>
        <location line="+35"/>
        <location line="+362"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="-397"/>
        <location line="+397"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>penalty λ</source>
        <translation>Strafterm λ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>train batch</source>
        <translation>Trainings-Batch</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>validation batch</source>
        <translation>Validierungs-Batch</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>train (EMA)</source>
        <translation>Training (EMA)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>validation (EMA)</source>
        <translation>Validierung (EMA)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>train epoch</source>
        <translation>Trainingsepoche</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+4"/>
        <location line="+84"/>
        <source>full validation</source>
        <translation>vollständige Validierung</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>validation set</source>
        <translation>Validierungsmenge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test set</source>
        <translation>Testmenge</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>λ = %1</source>
        <translation>λ = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>λ step = %1</source>
        <translation>λ-Schritt = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>sparsenas::EngineMessages</name>
    <message>
        <location filename="../widgets/enginemessages.cpp" line="+36"/>
        <source>paused at step %1</source>
        <translation>bei Schritt %1 pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checkpoint written at step %1</source>
        <translation>Checkpoint bei Schritt %1 geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back to the checkpoint at step %1; paused</source>
        <translation>auf den Checkpoint bei Schritt %1 zurückgesetzt; pausiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rollback failed: %1</source>
        <translation>Zurücksetzen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda set to arch.lambda_start = %1</source>
        <translation>Lambda auf arch.lambda_start = %1 gesetzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lambda set to %1</source>
        <translation>Lambda auf %1 gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alpha set to %1</source>
        <translation>Alpha auf %1 gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda step set to %1</source>
        <translation>Lambda-Schritt auf %1 gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished after 1 epoch</source>
        <translation>nach 1 Epoche beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished after %1 epochs</source>
        <translation>nach %1 Epochen beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped in epoch %1 at step %2; resume with `%3`</source>
        <translation>in Epoche %1 bei Schritt %2 angehalten; fortsetzen mit `%3`</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped, but the checkpoint could not be written: %1</source>
        <translation>angehalten, aber der Checkpoint konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run failed: %1</source>
        <translation>der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>continued from %1 (epoch %2 of %3, step %4)</source>
        <translation>fortgesetzt von %1 (Epoche %2 von %3, Schritt %4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forked from %1</source>
        <translation>abgezweigt von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not draw %1: %2</source>
        <translation>%1 konnte nicht gezeichnet werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not write the results: %1</source>
        <translation>die Ergebnisse konnten nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no genotype_darts.txt: the cell does not fit DARTS&apos;s format (%1); genotype_ptdarts.txt and genotype.json hold it</source>
        <translation>keine genotype_darts.txt: Die Zelle passt nicht in das DARTS-Format (%1); genotype_ptdarts.txt und genotype.json enthalten sie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no genotype_darts.txt: the cell does not fit DARTS&apos;s recurrent format (%1); genotype.json holds it</source>
        <translation>keine genotype_darts.txt: Die Zelle passt nicht in das rekurrente Format von DARTS (%1); genotype.json enthält sie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recurrent cell: node %1 has %2 path(s) in, where DARTS&apos;s recurrent format needs exactly 1</source>
        <translation>rekurrente Zelle: Knoten %1 hat %2 eingehende Pfade, das rekurrente Format von DARTS verlangt genau 1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rank %1 of %2 (%3), shards %4-%5 of %6 of every batch</source>
        <translation>Rang %1 von %2 (%3), Teile %4-%5 von %6 jedes Batches</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every batch in %1 shards (search.batch_shards)</source>
        <translation>jeder Batch in %1 Teilen (search.batch_shards)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>recurrent search on %1 (%2 training / %3 validation tokens, vocabulary %4), nodes: %5, hidden size %6, bptt %7, operations: %8, %9 + %10, %11 order, %12, threads: %13</source>
        <translation>rekurrente Suche auf %1 (%2 Trainings- / %3 Validierungs-Token, Vokabular %4), Knoten: %5, versteckte Größe %6, bptt %7, Operationen: %8, %9 + %10, %11 Ordnung, %12, Threads: %13</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>evaluation of %1 (recurrent cell, nodes: %2, paths: %3) on %4 (%5 training / %6 validation / %7 test tokens, vocabulary %8), hidden size %9, bptt %10, %11 M parameters, %12 M multiply-adds per word, %13, threads: %14</source>
        <translation>Bewertung von %1 (rekurrente Zelle, Knoten: %2, Pfade: %3) auf %4 (%5 Trainings- / %6 Validierungs- / %7 Test-Token, Vokabular %8), versteckte Größe %9, bptt %10, %11 M Parameter, %12 M Multiplikationen-Additionen je Wort, %13, Threads: %14</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NT-ASGD: validation perplexity %1 is worse than %2, the best before the last %3 epochs; from epoch %4 on the weights are averaged (evaluation.asgd_nonmono)</source>
        <translation>NT-ASGD: Die Validierungs-Perplexität %1 ist schlechter als %2, die beste vor den letzten %3 Epochen; ab Epoche %4 werden die Gewichte gemittelt (evaluation.asgd_nonmono)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>test perplexity %1 (columns: %2) with the averaged weights of epoch %3 (validation perplexity %4)</source>
        <translation>Test-Perplexität %1 (Spalten: %2) mit den gemittelten Gewichten der Epoche %3 (Validierungs-Perplexität %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>test perplexity %1 (columns: %2) with the weights of epoch %3 (validation perplexity %4)</source>
        <translation>Test-Perplexität %1 (Spalten: %2) mit den Gewichten der Epoche %3 (Validierungs-Perplexität %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>test perplexity %1 (columns: %2) with the weights of the last step (no epoch finished)</source>
        <translation>Test-Perplexität %1 (Spalten: %2) mit den Gewichten des letzten Schritts (keine Epoche beendet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>search on %1 (%2 training / %3 validation images, %4, %5 classes), cells: %6, nodes per cell: %7, C=%8, operations: %9, %10 + %11, %12 order, %13, threads: %14</source>
        <translation>Suche auf %1 (%2 Trainings- / %3 Validierungsbilder, %4, %5 Klassen), Zellen: %6, Knoten je Zelle: %7, C=%8, Operationen: %9, %10 + %11, Ordnung: %12, %13, Threads: %14</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>froze the operations whose architecture weight stayed exactly zero (search.freeze_zero_epochs = %2), %1 in all: never computed again, weights pinned at zero</source>
        <translation>Operationen eingefroren, deren Architekturgewicht exakt null blieb (search.freeze_zero_epochs = %2), insgesamt %1: werden nicht mehr berechnet, Gewichte bleiben null</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no genotype_ptdarts.txt either: %1</source>
        <translation>auch keine genotype_ptdarts.txt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cell: collapsed, no node survives</source>
        <translation>Zelle „%1“: kollabiert, kein Knoten überlebt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cell: node %2 has %3 path(s) in, where DARTS&apos;s format needs exactly 2</source>
        <translation>Zelle „%1“: Knoten %2 hat %3 Pfade als Eingang, das DARTS-Format verlangt genau 2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 in epoch %2 at step %3. %4</source>
        <translation>%1 in Epoche %2 bei Schritt %3. %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the training loss became NaN or infinite</source>
        <translation>der Trainingsverlust wurde NaN oder unendlich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the validation loss became NaN or infinite</source>
        <translation>der Validierungsverlust wurde NaN oder unendlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the test loss became NaN or infinite</source>
        <translation>der Testverlust wurde NaN oder unendlich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a gradient of the network weights became NaN or infinite</source>
        <translation>ein Gradient der Netzgewichte wurde NaN oder unendlich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the training loss jumped to %1, more than %2 times its recent median (search.divergence_factor)</source>
        <translation>der Trainingsverlust sprang auf %1, mehr als das %2-Fache seines jüngsten Medians (search.divergence_factor)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the architecture weights of the %1 cell exploded (largest |A| %2, arch.max_weight %3)</source>
        <translation>die Architekturgewichte der Zelle „%1“ sind explodiert (größtes |A| %2, arch.max_weight %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the %1 cell collapsed: every architecture weight is exactly zero (lambda %2, alpha %3), so it can never come back and the network no longer depends on its input</source>
        <translation>die Zelle „%1“ ist kollabiert: Jedes Architekturgewicht ist exakt null (Lambda %2, Alpha %3), sie kann also nie zurückkommen, und das Netz hängt nicht mehr von seiner Eingabe ab</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the %1 and %2 cells collapsed: every architecture weight is exactly zero (lambda %3, alpha %4), so it can never come back and the network no longer depends on its input</source>
        <translation>die Zellen „%1“ und „%2“ sind kollabiert: Jedes Architekturgewicht ist exakt null (Lambda %3, Alpha %4), sie können also nie zurückkommen, und das Netz hängt nicht mehr von seiner Eingabe ab</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run continues (search.on_collapse is &quot;continue&quot;).</source>
        <translation>Der Lauf geht weiter (search.on_collapse ist „continue“).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The run stops here; nothing after the last checkpoint was kept. Resume with a lower lambda or lambda step (sparsenas resume --set), or fork from an earlier checkpoint.</source>
        <translation>Der Lauf endet hier; nichts nach dem letzten Checkpoint wurde behalten. Mit kleinerem Lambda oder Lambda-Schritt fortsetzen (sparsenas resume --set) oder von einem früheren Checkpoint abzweigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused: roll back to the last checkpoint and lower lambda, or resume as it is.</source>
        <translation>Pausiert: auf den letzten Checkpoint zurücksetzen und Lambda senken, oder unverändert fortsetzen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The search diverged; nothing after the last checkpoint was kept. Lower the learning rates or lambda and resume or fork from it.</source>
        <translation>Die Suche ist divergiert; nichts nach dem letzten Checkpoint wurde behalten. Lernraten oder Lambda senken und von dort fortsetzen oder abzweigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reloading the last checkpoint failed: %1</source>
        <translation>Das Laden des letzten Checkpoints ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search diverged. Rolled back to the last checkpoint (step %1) and paused: change lambda, alpha or the lambda step, then resume.</source>
        <translation>Die Suche ist divergiert. Zurückgesetzt auf den letzten Checkpoint (Schritt %1) und pausiert: Lambda, Alpha oder den Lambda-Schritt ändern, dann fortsetzen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, C=%6, %7 M parameters (+%8 M in the auxiliary head), %9 M multiply-adds per image, %10, threads: %11</source>
        <translation>Evaluierung von %1 auf %2 (%3 Trainings- / %4 Testbilder), Zellen: %5, C=%6, %7 M Parameter (+%8 M im Hilfskopf), %9 M Multiplikationen-Additionen je Bild, %10, Threads: %11</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, C=%6, %7 M parameters, %8 M multiply-adds per image, %9, threads: %10</source>
        <translation>Evaluierung von %1 auf %2 (%3 Trainings- / %4 Testbilder), Zellen: %5, C=%6, %7 M Parameter, %8 M Multiplikationen-Additionen je Bild, %9, Threads: %10</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the %1 cell of this genotype collapsed (no node survives): in the network it passes c_{k-1} on (halved in a reduction cell), see docs/method.md</source>
        <translation>die Zelle „%1“ dieses Genotyps ist kollabiert (kein Knoten überlebt): Im Netz reicht sie c_{k-1} weiter (in einer Reduktionszelle halbiert), siehe docs/method.md</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recurrent</source>
        <translation>rekurrent</translation>
    </message>
</context>
<context>
    <name>sparsenas::ExperimentsWindow</name>
    <message>
        <location filename="../app/studio/experimentswindow.cpp" line="+17"/>
        <source>Sweeps and ablation — SparseNAS Studio</source>
        <translation>Sweeps und Ablation — SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+29"/>
        <source>Supernet sweep</source>
        <translation>Supernetz-Sweep</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+30"/>
        <source>Optimizer ablation (Fig. 3)</source>
        <translation>Optimierer-Ablation (Abb. 3)</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Searches over a grid of config fields (paper Table 4, Fig. 4)</source>
        <translation>Suchen über ein Gitter von Konfigurationsfeldern (Paper Tabelle 4, Abb. 4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD, Adam, HAPG and AdamHAPG with Lasso, Group Lasso and SGL on a small network (paper Fig. 3)</source>
        <translation>SGD, Adam, HAPG und AdamHAPG mit Lasso, Group Lasso und SGL an einem kleinen Netz (Paper Abb. 3)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Supernet sweep (running)</source>
        <translation>Supernetz-Sweep (läuft)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer ablation (running)</source>
        <translation>Optimierer-Ablation (läuft)</translation>
    </message>
</context>
<context>
    <name>sparsenas::ExportDialog</name>
    <message>
        <location filename="../widgets/exportdialog.cpp" line="+91"/>
        <source>Show weights</source>
        <translation>Gewichte anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show operation labels</source>
        <translation>Operationsnamen anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour edges by operation</source>
        <translation>Kanten nach Operation einfärben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Horizontal layout (left to right)</source>
        <translation>Horizontales Layout (von links nach rechts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show removed nodes faded</source>
        <translation>Entfernte Knoten blass anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Cell for Paper</source>
        <translation>Zelle für Publikation exportieren</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fill of the intermediate nodes</source>
        <translation>Füllfarbe der Zwischenknoten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Font:</source>
        <translation>Schrift:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font size:</source>
        <translation>Schriftgröße:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight decimals:</source>
        <translation>Nachkommastellen der Gewichte:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Input fill:</source>
        <translation>Eingangsfüllung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node fill:</source>
        <translation>Knotenfüllung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output fill:</source>
        <translation>Ausgangsfüllung:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All cells in one drawing</source>
        <translation>Alle Zellen in einer Zeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG (vector drawing)</source>
        <translation>SVG (Vektorgrafik)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (vector drawing)</source>
        <translation>PDF (Vektorgrafik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (bitmap)</source>
        <translation>PNG (Rastergrafik)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graphviz DOT source</source>
        <translation>Graphviz-DOT-Quelltext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genotype JSON</source>
        <translation>Genotyp-JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DARTS genotype text</source>
        <translation>DARTS-Genotyptext</translation>
    </message>
    <message>
        <location line="+39"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File to write</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cells:</source>
        <translation>Zellen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG resolution:</source>
        <translation>PNG-Auflösung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drawing the preview…</source>
        <translation>Vorschau wird gezeichnet…</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Monochrome (for print)</source>
        <translation>Einfarbig (für den Druck)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend of the operations</source>
        <translation>Legende der Operationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compact: one edge per pair of nodes</source>
        <translation>Kompakt: eine Kante je Knotenpaar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Fill of the cell inputs %1, %2</source>
        <translation>Füllung der Zelleingänge %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill of the cell output %1</source>
        <translation>Füllung des Zellausgangs %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black and greys only: the operations are told apart by line style (dotted pools, dashed skip connections, solid convolutions) and by their labels.</source>
        <translation>Nur Schwarz und Grautöne: Die Operationen unterscheiden sich durch die Linienart (gepunktete Poolings, gestrichelte Skip-Verbindungen, durchgezogene Faltungen) und ihre Beschriftung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+405"/>
        <source>A box beside the cell that names the operation of each colour (or line style in monochrome), for the operations drawn.</source>
        <translation>Ein Kasten neben der Zelle, der für die gezeichneten Operationen jede Farbe (einfarbig: jede Linienart) benennt.</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>Draw one edge for all operations between two nodes and list them, strongest first, in its label: readable for cells with many paths.</source>
        <translation>Eine Kante für alle Operationen zwischen zwei Knoten zeichnen und sie, die stärkste zuerst, in ihrer Beschriftung aufzählen: lesbar auch bei Zellen mit vielen Pfaden.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>pt.darts genotype text</source>
        <translation>pt.darts-Genotyptext</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Genotype(normal=[(&apos;sep_conv_3x3&apos;, 0), ...], ...): two paths per node, as DARTS (quark0/darts) reads it</source>
        <translation>Genotype(normal=[(&apos;sep_conv_3x3&apos;, 0), ...], ...): zwei Pfade je Knoten, wie DARTS (quark0/darts) ihn liest</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Genotype(normal=[[(&apos;sep_conv_3x3&apos;, 0), ...], ...], ...): a list per node, any number of paths, as pt.darts (genotypes.from_str) reads it</source>
        <translation>Genotype(normal=[[(&apos;sep_conv_3x3&apos;, 0), ...], ...], ...): eine Liste je Knoten, beliebig viele Pfade, wie pt.darts (genotypes.from_str) ihn liest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pt.darts text takes any number of paths per node.</source>
        <translation>pt.darts-Text erlaubt beliebig viele Pfade je Knoten.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Write the chosen formats; the dialog stays open for more</source>
        <translation>Die gewählten Formate schreiben; der Dialog bleibt für weitere offen</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>DARTS genotype text is not available: %1.</source>
        <translation>DARTS-Genotyptext ist nicht verfügbar: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pt.darts genotype text is not available: %1.</source>
        <translation>pt.darts-Genotyptext ist nicht verfügbar: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown format &quot;%1&quot;.</source>
        <translation>Unbekanntes Format „%1“.</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Also draw the nodes that derivation removed, faded</source>
        <translation>Auch die bei der Ableitung entfernten Knoten blass zeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a single cell whose supernet weights are known</source>
        <translation>Nur für eine einzelne Zelle, deren Supernetz-Gewichte bekannt sind</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every edge has one colour: there is nothing for a legend to tell apart.</source>
        <translation>Jede Kante hat dieselbe Farbe: Eine Legende hätte nichts zu unterscheiden.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>1 weight is smaller than %1 in magnitude: it is written as %2, in scientific notation, so that no kept path reads as 0. With %3 decimals every weight is written in fixed notation.</source>
        <translation>1 Gewicht ist betragsmäßig kleiner als %1: Es wird als %2 in wissenschaftlicher Schreibweise geschrieben, damit kein behaltener Pfad als 0 erscheint. Mit %3 Nachkommastellen wird jedes Gewicht in Festkommaschreibweise geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 weights are smaller than %2 in magnitude: they are written in scientific notation (the smallest as %3), so that no kept path reads as 0. With %4 decimals every weight is written in fixed notation.</source>
        <translation>%1 Gewichte sind betragsmäßig kleiner als %2: Sie werden in wissenschaftlicher Schreibweise geschrieben (das kleinste als %3), damit kein behaltener Pfad als 0 erscheint. Mit %4 Nachkommastellen wird jedes Gewicht in Festkommaschreibweise geschrieben.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Graphviz could not draw the cell:
%1</source>
        <translation>Graphviz konnte die Zelle nicht zeichnen:
%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose at least one format.</source>
        <translation>Mindestens ein Format wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file to write.</source>
        <translation>Eine Zieldatei wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 ist ein Ordner; einen Dateinamen wählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The genotype has no cell to export.</source>
        <translation>Der Genotyp enthält keine Zelle zum Exportieren.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ends in .%2, but that format is not chosen.</source>
        <translation>%1 endet auf .%2, aber dieses Format ist nicht gewählt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writes %1</source>
        <translation>Schreibt %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Cell</source>
        <translation>Zelle exportieren</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabHelpDialog</name>
    <message>
        <location filename="../widgets/labhelp.cpp" line="+36"/>
        <location line="+15"/>
        <source>Sparsity explained</source>
        <translation>Sparsität erklärt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The search makes the architecture weights A sparse: a weight that is exactly zero removes its operation from the cell. These are the equations of the paper that the teaching lab shows, computed by the same functions the search runs.</source>
        <translation>Die Suche macht die Architekturgewichte A dünn besetzt: Ein Gewicht, das exakt null ist, entfernt seine Operation aus der Zelle. Dies sind die Gleichungen des Papers, die das Lehrlabor zeigt, berechnet von denselben Funktionen, die die Suche ausführt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The penalty and what α trades</source>
        <translation>Die Strafe und was α abwägt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>λ sets how strong the penalty is. α shares it between the two parts. The first part (Lasso, α = 1) acts on each weight alone and removes single paths. The second part (Group Lasso, α = 0) acts on whole groups, here all the weights into one node, and removes a group at once or keeps all of it. In between, the Sparse Group Lasso removes whole nodes and, inside the nodes that stay, single paths. The factor √|g| makes large groups pay for their size.</source>
        <translation>λ legt fest, wie stark die Strafe ist. α teilt sie zwischen den beiden Teilen auf. Der erste Teil (Lasso, α = 1) wirkt auf jedes Gewicht einzeln und entfernt einzelne Pfade. Der zweite Teil (Group Lasso, α = 0) wirkt auf ganze Gruppen, hier alle Gewichte in einen Knoten, und entfernt eine Gruppe auf einmal oder behält sie ganz. Dazwischen entfernt das Sparse Group Lasso ganze Knoten und, in den verbleibenden Knoten, einzelne Pfade. Der Faktor √|g| lässt große Gruppen für ihre Größe bezahlen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In the lab&apos;s 2-D picture, one group of two weights, the unit ball of Ω is α‖x‖₁ + (1 − α)√2‖x‖₂ = 1: the Lasso&apos;s diamond at α = 1, the Group Lasso&apos;s circle of radius 1/√2 at α = 0, and a rounded diamond in between. Its corners on the axes are why single weights become zero.</source>
        <translation>Im 2-D-Bild des Labors, einer Gruppe aus zwei Gewichten, ist die Einheitskugel von Ω durch α‖x‖₁ + (1 − α)√2‖x‖₂ = 1 gegeben: die Raute des Lasso bei α = 1, der Kreis des Group Lasso mit Radius 1/√2 bei α = 0 und eine abgerundete Raute dazwischen. Ihre Ecken auf den Achsen sind der Grund, warum einzelne Gewichte null werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One proximal step</source>
        <translation>Ein proximaler Schritt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>η is the step size and (t)₊ = max(t, 0). Soft-thresholding (Eq. 9) moves every weight towards zero by η λ α and sets it to exactly zero if it was closer than that. Group shrinkage (Eq. 10) shortens each group by η λ (1 − α) √|g| and sets the whole group to zero if it was shorter. Their composition (Eq. 5) is the exact proximal operator of the SGL penalty.</source>
        <translation>η ist die Schrittweite und (t)₊ = max(t, 0). Soft-Thresholding (Gl. 9) bewegt jedes Gewicht um η λ α auf null zu und setzt es exakt auf null, wenn es näher daran lag. Gruppenschrumpfung (Gl. 10) verkürzt jede Gruppe um η λ (1 − α) √|g| und setzt die ganze Gruppe auf null, wenn sie kürzer war. Ihre Verkettung (Gl. 5) ist der exakte proximale Operator der SGL-Strafe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why exact zeros appear with proximal steps and not with SGD</source>
        <translation>Warum exakte Nullen mit proximalen Schritten entstehen und nicht mit SGD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proximal operator maps a whole interval, |zᵢ| ≤ η λ α, to exactly 0, and a whole ball of groups to the zero group: the shaded regions of the 2-D picture. A gradient step that lands anywhere in them gives an exact zero, and the next steps keep it there as long as the gradient stays smaller than the threshold.</source>
        <translation>Der proximale Operator bildet ein ganzes Intervall, |zᵢ| ≤ η λ α, auf exakt 0 ab und eine ganze Kugel von Gruppen auf die Nullgruppe: die schattierten Bereiche des 2-D-Bildes. Ein Gradientenschritt, der irgendwo darin landet, ergibt eine exakte Null, und die nächsten Schritte halten sie dort, solange der Gradient kleiner als die Schwelle bleibt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SGD and Adam instead add a subgradient of the penalty, λ α sgn(A) plus the group part, to the loss gradient. Near zero that term pushes a weight across zero and back: it oscillates around zero with an amplitude of about the step times λ and, in floating point, practically never lands on 0.0. Its weights become small, never removed, and a threshold chosen afterwards would decide what is removed.</source>
        <translation>SGD und Adam addieren stattdessen einen Subgradienten der Strafe, λ α sgn(A) plus den Gruppenanteil, zum Gradienten des Verlusts. Nahe null schiebt dieser Term ein Gewicht über null und zurück: Es schwingt mit einer Amplitude von etwa Schrittweite mal λ um null und landet in Gleitkommaarithmetik praktisch nie auf 0.0. Die Gewichte werden klein, aber nie entfernt, und erst eine nachträglich gewählte Schwelle würde entscheiden, was entfernt wird.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dead nodes</source>
        <translation>Tote Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A node of the cell is dead when every weight into it is exactly zero: its whole group was removed. It receives nothing, so its output is zero and the paths that leave it carry nothing either. The derived cell drops it, and the search no longer needs to compute it.</source>
        <translation>Ein Knoten der Zelle ist tot, wenn jedes Gewicht in ihn exakt null ist: Seine ganze Gruppe wurde entfernt. Er empfängt nichts, also ist seine Ausgabe null, und auch die Pfade, die von ihm ausgehen, tragen nichts. Die abgeleitete Zelle lässt ihn weg, und die Suche muss ihn nicht mehr berechnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why a removed node may come back under AdamHAPG</source>
        <translation>Warum ein entfernter Knoten unter AdamHAPG zurückkehren kann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A zero stays zero only while the gradient step cannot leave the zero region. Under HAPG that means |∇L| ≤ λ α for each weight: the comparison is with the current gradient. AdamHAPG takes the step z = A − ηᵢ m̂ᵢ with a step size ηᵢ = lr / (√v̂ᵢ + ε) per weight, and the group part uses the median of ηᵢ over the group. The step follows the running average m̂ of past gradients and the sizes change from step to step, so when the rest of the cell changes and the node becomes useful again, its gradient grows, the step lands outside the zero region and the node returns. The momentum of Eq. 7-8 can carry a weight out of zero as well.</source>
        <translation>Eine Null bleibt nur null, solange der Gradientenschritt den Nullbereich nicht verlassen kann. Unter HAPG heißt das |∇L| ≤ λ α für jedes Gewicht: Verglichen wird mit dem aktuellen Gradienten. AdamHAPG macht den Schritt z = A − ηᵢ m̂ᵢ mit einer Schrittweite ηᵢ = lr / (√v̂ᵢ + ε) je Gewicht, und der Gruppenanteil verwendet den Median der ηᵢ über die Gruppe. Der Schritt folgt dem gleitenden Mittel m̂ vergangener Gradienten, und die Schrittweiten ändern sich von Schritt zu Schritt: Wenn sich der Rest der Zelle ändert und der Knoten wieder nützlich wird, wächst sein Gradient, der Schritt landet außerhalb des Nullbereichs und der Knoten kehrt zurück. Auch das Momentum aus Gl. 7-8 kann ein Gewicht aus der Null tragen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the lab shows</source>
        <translation>Was das Labor zeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss + penalty: the objective the optimizers minimise, at the point each reports (the sparse iterate for HAPG, AdamHAPG and ISTA). Exact zeros: coefficients equal to 0.0, counted without any threshold. ISTA is HAPG without the momentum of Eq. 7-8. λ_max: the smallest λ at which all coefficients are zero. The regularization path solves the problem for each λ from λ_max down; a circle marks where a coefficient enters.</source>
        <translation>Verlust + Strafe: die Zielfunktion, die die Optimierer minimieren, an dem Punkt, den jeder meldet (die dünn besetzte Iterierte bei HAPG, AdamHAPG und ISTA). Exakte Nullen: Koeffizienten gleich 0.0, ohne jede Schwelle gezählt. ISTA ist HAPG ohne das Momentum aus Gl. 7-8. λ_max: das kleinste λ, bei dem alle Koeffizienten null sind. Der Regularisierungspfad löst das Problem für jedes λ von λ_max abwärts; ein Kreis markiert, wo ein Koeffizient eintritt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AdamHAPG runs here without the momentum of Eq. 7-8, as in the optimizer ablation: with it, it diverges on this problem. Its group step is the median of its weights&apos; steps, so it may remove a group, such as one with a single nonzero coefficient, that the SGL minimiser keeps.</source>
        <translation>AdamHAPG läuft hier ohne das Momentum aus Gl. 7-8, wie in der Optimierer-Ablation: Mit ihm divergiert es bei diesem Problem. Sein Gruppenschritt ist der Median der Schritte seiner Gewichte, daher kann es eine Gruppe entfernen, etwa eine mit einem einzigen von null verschiedenen Koeffizienten, die der SGL-Minimierer behält.</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabPathPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="+558"/>
        <source>λ (decreasing →)</source>
        <translation>λ (abnehmend →)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coefficient</source>
        <translation>Koeffizient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>enters the model</source>
        <translation>tritt ins Modell ein</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabRegression</name>
    <message>
        <location filename="../app/studio/labregression.cpp" line="+73"/>
        <source>Re&amp;generate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new planted problem: 12 coefficients in 4 groups of 3 (one strong group, one with a single nonzero, one weak, one zero), 60 noisy samples</source>
        <translation>Ein neues vorgegebenes Problem: 12 Koeffizienten in 4 Gruppen zu 3 (eine starke Gruppe, eine mit einem einzigen von null verschiedenen, eine schwache, eine Nullgruppe), 60 verrauschte Stichproben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>R&amp;un</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the five optimizers side by side, a full gradient step each per tick</source>
        <translation>Die fünf Optimierer nebeneinander laufen lassen, je ein voller Gradientenschritt pro Takt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Res&amp;tart</source>
        <translation>Neu&amp;beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every optimizer again from zero</source>
        <translation>Jeden Optimierer wieder bei null beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>λ / λ_max:</source>
        <translation>λ / λ_max:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The race&apos;s λ as a share of λ_max, the smallest λ at which every coefficient is zero (α is the one above)</source>
        <translation>Das λ des Vergleichs als Anteil von λ_max, dem kleinsten λ, bei dem jeder Koeffizient null ist (α ist das von oben)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The λ and α the race uses; the path plot marks this λ</source>
        <translation>Das λ und α, die der Vergleich verwendet; der Pfad markiert dieses λ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Top: loss + penalty at the point each optimizer reports. Bottom: its coefficients that are exactly 0.0. HAPG, AdamHAPG and ISTA take proximal steps and reach exact zeros; SGD and Adam (dashed) follow a subgradient and do not.</source>
        <translation>Oben: Verlust + Strafe an dem Punkt, den jeder Optimierer meldet. Unten: seine Koeffizienten, die exakt 0.0 sind. HAPG, AdamHAPG und ISTA machen proximale Schritte und erreichen exakte Nullen; SGD und Adam (gestrichelt) folgen einem Subgradienten und tun es nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exact zeros per optimizer at the last step, and how many the planted truth has</source>
        <translation>Exakte Nullen je Optimierer beim letzten Schritt und wie viele die vorgegebene Wahrheit hat</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every coefficient of the SGL solution against λ, from λ_max (all zero) down to λ_max / 100, solved by ISTA for each λ. A circle marks where a coefficient enters; the dashed line is the race&apos;s λ.</source>
        <translation>Jeder Koeffizient der SGL-Lösung über λ, von λ_max (alle null) bis λ_max / 100, für jedes λ mit ISTA gelöst. Ein Kreis markiert, wo ein Koeffizient eintritt; die gestrichelte Linie ist das λ des Vergleichs.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>λ_max and how many coefficients the path brings in</source>
        <translation>λ_max und wie viele Koeffizienten der Pfad aufnimmt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>AdamHAPG (without momentum)</source>
        <translation>AdamHAPG (ohne Momentum)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISTA (HAPG without momentum)</source>
        <translation>ISTA (HAPG ohne Momentum)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD (subgradient)</source>
        <translation>SGD (Subgradient)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adam (subgradient)</source>
        <translation>Adam (Subgradient)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>α = %1, λ_max = %2: %3 of %4 coefficients enter before λ_max / 100</source>
        <translation>α = %1, λ_max = %2: %3 von %4 Koeffizienten treten vor λ_max / 100 ein</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>λ = %1, α = %2</source>
        <translation>λ = %1, α = %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>After %1 steps, exact zeros: %2 (planted: %3)</source>
        <translation>Nach %1 Schritten, exakte Nullen: %2 (vorgegeben: %3)</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabWindow</name>
    <message>
        <location filename="../app/studio/labwindow.cpp" line="+47"/>
        <source>One strong group, one weak group, one mixed</source>
        <translation>Eine starke Gruppe, eine schwache, eine gemischte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Many small weights</source>
        <translation>Viele kleine Gewichte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups of different sizes</source>
        <translation>Gruppen verschiedener Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One weight dominates each group</source>
        <translation>Ein Gewicht dominiert jede Gruppe</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Teaching lab — SparseNAS Studio</source>
        <translation>Lehrlabor — SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Prox explorer</source>
        <translation>&amp;Prox-Explorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regression</source>
        <translation>&amp;Regression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proximal operators on a small grouped vector, and the 2-D picture of one group of two weights</source>
        <translation>Die proximalen Operatoren auf einem kleinen gruppierten Vektor und das 2-D-Bild einer Gruppe aus zwei Gewichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A planted sparse-group regression solved by five optimizers, and its regularization path</source>
        <translation>Eine Regression mit vorgegebener dünn besetzter Gruppenstruktur, gelöst von fünf Optimierern, und ihr Regularisierungspfad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous panel (Page Up)</source>
        <translation>Vorherige Ansicht (Bild auf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next panel (Page Down)</source>
        <translation>Nächste Ansicht (Bild ab)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave presentation (Esc)</source>
        <translation>Präsentation verlassen (Esc)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Pre&amp;set:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Example vectors, each split into groups</source>
        <translation>Beispielvektoren, jeweils in Gruppen aufgeteilt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vector:</source>
        <translation>V&amp;ektor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The weights z, groups separated by &quot;|&quot;, values by spaces, e.g. &quot;2 -1.5 | 0.3 0.2&quot;. Press Enter to apply.</source>
        <translation>Die Gewichte z, Gruppen durch „|“ getrennt, Werte durch Leerzeichen, z. B. „2 -1.5 | 0.3 0.2“. Mit der Eingabetaste übernehmen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>λ: the strength of the penalty. Larger λ, larger thresholds, more exact zeros.</source>
        <translation>λ: die Stärke der Strafe. Größeres λ, größere Schwellen, mehr exakte Nullen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>α: the share of the penalty on single weights (Lasso, α = 1) against whole groups (Group Lasso, α = 0).</source>
        <translation>α: der Anteil der Strafe auf einzelnen Gewichten (Lasso, α = 1) gegenüber ganzen Gruppen (Group Lasso, α = 0).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>η: the step size. The prox of a step of size η thresholds by η times the penalty&apos;s weights.</source>
        <translation>η: die Schrittweite. Der Prox eines Schritts der Größe η schneidet mit η mal den Gewichten der Strafe ab.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Presentation (F11)</source>
        <translation>Präsentation (F11)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen for a projector: larger fonts and lines, high-contrast colours, one panel at a time. Esc leaves, Page Up / Page Down change the panel.</source>
        <translation>Vollbild für einen Projektor: größere Schrift und Linien, kontrastreiche Farben, eine Ansicht auf einmal. Esc beendet, Bild auf / Bild ab wechseln die Ansicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explain…</source>
        <translation>Erklären…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The equations and what they mean (F1)</source>
        <translation>Die Gleichungen und was sie bedeuten (F1)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Soft-thresholding (Eq. 9)</source>
        <translation>Soft-Thresholding (Gl. 9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group shrinkage alone (Eq. 10)</source>
        <translation>Gruppenschrumpfung allein (Gl. 10)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGL prox: group shrinkage after soft-thresholding (Eq. 5)</source>
        <translation>SGL-Prox: Gruppenschrumpfung nach Soft-Thresholding (Gl. 5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each weight moves towards zero by η λ α; a weight closer to zero than that becomes exactly zero (circle). Dashed: before the step.</source>
        <translation>Jedes Gewicht rückt um η λ α auf null zu; ein Gewicht, das näher an null liegt, wird exakt null (Kreis). Gestrichelt: vor dem Schritt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each group is shortened by η λ (1 − α) √|g|; a group shorter than that becomes exactly zero as a whole. Dashed: before the step.</source>
        <translation>Jede Gruppe wird um η λ (1 − α) √|g| verkürzt; eine kürzere Gruppe wird als Ganzes exakt null. Gestrichelt: vor dem Schritt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proximal operator of the SGL penalty: single weights and whole groups can become exactly zero. Dashed: before the step.</source>
        <translation>Der proximale Operator der SGL-Strafe: Einzelne Gewichte und ganze Gruppen können exakt null werden. Gestrichelt: vor dem Schritt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;tep</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply each operator once more to its own result</source>
        <translation>Jeden Operator noch einmal auf sein eigenes Ergebnis anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Animate</source>
        <translation>&amp;Animieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step repeatedly: with proximal steps alone (no gradient) every weight reaches exactly zero in finitely many steps</source>
        <translation>Wiederholt Schritte machen: Mit proximalen Schritten allein (ohne Gradient) erreicht jedes Gewicht in endlich vielen Schritten exakt null</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>R&amp;eset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to one step on the vector</source>
        <translation>Zurück zu einem Schritt auf dem Vektor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many times each operator has been applied</source>
        <translation>Wie oft jeder Operator angewendet wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counted on the composition (Eq. 5): weights and groups exactly zero, and the penalty Ω before and after</source>
        <translation>Gezählt an der Verkettung (Gl. 5): exakt null gewordene Gewichte und Gruppen, und die Strafe Ω davor und danach</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The point z (one group of two weights) and its image under one prox step with the λ, α and η above</source>
        <translation>Der Punkt z (eine Gruppe aus zwei Gewichten) und sein Bild unter einem Prox-Schritt mit λ, α und η von oben</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>threshold η λ α = %1</source>
        <translation>Schwelle η λ α = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group thresholds η λ (1 − α) √|g| = %1</source>
        <translation>Gruppenschwellen η λ (1 − α) √|g| = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Eq. 5: %1 of %2 weights and %3 of %4 groups exactly zero; Ω %5 → %6</source>
        <translation>Gl. 5: %1 von %2 Gewichten und %3 von %4 Gruppen exakt null; Ω %5 → %6</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the whole group becomes exactly zero</source>
        <translation>die ganze Gruppe wird exakt null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one weight becomes exactly zero, the group stays</source>
        <translation>ein Gewicht wird exakt null, die Gruppe bleibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both weights shrink and stay nonzero</source>
        <translation>beide Gewichte schrumpfen und bleiben von null verschieden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z = (%1, %2) → prox(z) = (%3, %4): %5</source>
        <translation>z = (%1, %2) → prox(z) = (%3, %4): %5</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Proximal operators (Eq. 9, 10, 5)</source>
        <translation>Proximale Operatoren (Gl. 9, 10, 5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit balls and one prox step</source>
        <translation>Einheitskugeln und ein Prox-Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizers side by side</source>
        <translation>Optimierer im Vergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization path</source>
        <translation>Regularisierungspfad</translation>
    </message>
</context>
<context>
    <name>sparsenas::LogView</name>
    <message>
        <location filename="../widgets/logview.cpp" line="+37"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lambda changed</source>
        <translation>Lambda geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alpha changed</source>
        <translation>Alpha geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda step changed</source>
        <translation>Lambda-Schritt geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checkpoint written</source>
        <translation>Checkpoint geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>about %1 (estimated from the epochs&apos; durations)</source>
        <translation>etwa %1 (aus der Dauer der Epochen geschätzt)</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show messages of this level and above</source>
        <translation>Meldungen dieser Stufe und höher anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the whole log (all levels, last %L1 lines) to a text file</source>
        <translation>Das gesamte Protokoll (alle Stufen, letzte %L1 Zeilen) in eine Textdatei schreiben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Epoch %1 done: train loss %2, accuracy %3 % · test loss %4, accuracy %5 % · %6 s</source>
        <translation>Epoche %1 fertig: Trainingsverlust %2, Genauigkeit %3 % · Testverlust %4, Genauigkeit %5 % · %6 s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recurrent</source>
        <translation>rekurrent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: nodes %2/%3, paths %4</source>
        <translation>%1: Knoten %2/%3, Pfade %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Epoch %1 done: λ = %2 · train perplexity %3 · validation perplexity %4 · %5 · %6 s</source>
        <translation>Epoche %1 fertig: λ = %2 · Trainingsperplexität %3 · Validierungsperplexität %4 · %5 · %6 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 done: λ = %2 · train loss %3, accuracy %4 % · validation loss %5, accuracy %6 % · %7 · %8 s</source>
        <translation>Epoche %1 fertig: λ = %2 · Trainingsverlust %3, Genauigkeit %4 % · Validierungsverlust %5, Genauigkeit %6 % · %7 · %8 s</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Errors: %L1</source>
        <translation>Fehler: %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings: %L1</source>
        <translation>Warnungen: %L1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source># %1 earlier lines were dropped (the log keeps the last %2)
</source>
        <translation># %1 frühere Zeilen wurden verworfen (das Protokoll behält die letzten %2)
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot write the log to &quot;%1&quot;: %2</source>
        <translation>Das Protokoll kann nicht nach „%1“ geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot export the log to &quot;%1&quot;: unsupported format &quot;%2&quot; (use .txt or .log).</source>
        <translation>Das Protokoll kann nicht nach „%1“ exportiert werden: nicht unterstütztes Format „%2“ (.txt oder .log verwenden).</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Textdateien (*.txt *.log);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>sparsenas::MainWindow</name>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+118"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steering</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cell graph</source>
        <translation>Zellgraph</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Architecture weights</source>
        <translation>Architekturgewichte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Regularization paths</source>
        <translation>Regularisierungspfade</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Node survival</source>
        <translation>Knotenüberleben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run log</source>
        <translation>Laufprotokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluations</source>
        <translation>Evaluierungen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent &amp;runs</source>
        <translation>&amp;Zuletzt geöffnete Läufe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Load configuration…</source>
        <translation>Konfiguration &amp;laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save configuration &amp;as…</source>
        <translation>Konfiguration speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;view</source>
        <translation>An&amp;sicht exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training curves…</source>
        <translation>Trainingskurven…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture weights…</source>
        <translation>Architekturgewichte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>architecture weights</source>
        <translation>Architekturgewichte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node survival…</source>
        <translation>Knotenüberleben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node survival</source>
        <translation>Knotenüberleben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization paths…</source>
        <translation>Regularisierungspfade…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regularization paths</source>
        <translation>Regularisierungspfade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell graph…</source>
        <translation>Zellgraph…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load pr&amp;eset</source>
        <translation>&amp;Vorlage laden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lab</source>
        <translation>La&amp;bor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prox explorer…</source>
        <translation>&amp;Prox-Explorer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supernet &amp;sweep…</source>
        <translation>Supernetz-&amp;Sweep…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Optimizer ablation (Fig. 3)…</source>
        <translation>&amp;Optimierer-Ablation (Abb. 3)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Sparsity &amp;explained…</source>
        <translation>Sparsität &amp;erklärt…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About SparseNAS Studio</source>
        <translation>&amp;Über SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot open the run</source>
        <translation>Der Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A search runs in this window; stop it first, or open %1 from File ▸ Open run in another studio.</source>
        <translation>In diesem Fenster läuft eine Suche; zuerst anhalten oder %1 über Datei ▸ Lauf öffnen in einem anderen Studio öffnen.</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+7"/>
        <source>Invalid configuration</source>
        <translation>Ungültige Konfiguration</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Fix these settings first:
%1</source>
        <translation>Zuerst diese Einstellungen korrigieren:
%1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New run in %1</source>
        <translation>Neuer Lauf in %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot fork</source>
        <translation>Abzweigen nicht möglich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forked %1 into %2</source>
        <translation>%1 nach %2 abgezweigt</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Resume run</source>
        <translation>Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+366"/>
        <source>Cannot resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>Open run directory</source>
        <translation>Laufverzeichnis öffnen</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Cannot evaluate</source>
        <translation>Evaluieren nicht möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evaluating the recurrent cell of %1 in %2: the curves show the training and validation loss per word; the test perplexity comes at the end</source>
        <translation>Die rekurrente Zelle von %1 wird in %2 bewertet: Die Kurven zeigen den Trainings- und Validierungsverlust je Wort; die Test-Perplexität folgt am Ende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluating the cell of %1 in %2: the curves show training and test accuracy</source>
        <translation>Die Zelle von %1 wird in %2 evaluiert: die Kurven zeigen Trainings- und Testgenauigkeit</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Evaluate derived architecture</source>
        <translation>Abgeleitete Architektur evaluieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the cell of %1 on its own with the evaluation preset:</source>
        <translation>Die Zelle von %1 eigenständig trainieren mit der Evaluierungsvorlage:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export evaluations</source>
        <translation>Evaluierungen exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;Markdown (*.md);;LaTeX tabular (*.tex)</source>
        <translation>CSV (*.csv);;Markdown (*.md);;LaTeX-tabular (*.tex)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot export the evaluations</source>
        <translation>Die Evaluierungen können nicht exportiert werden</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+305"/>
        <source>Search running</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Stop the running search before opening another run.</source>
        <translation>Die laufende Suche anhalten, bevor ein anderer Lauf geöffnet wird.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open run</source>
        <translation>Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A cell collapsed at step %1.</source>
        <translation>Eine Zelle ist bei Schritt %1 kollabiert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>recurrent</source>
        <translation>rekurrent</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>reduction</source>
        <translation>Reduktions</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>SparseNAS Studio</source>
        <translation>SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>A search is running. Stop it (a checkpoint is written so it can be resumed) and quit?</source>
        <translation>Eine Suche läuft. Die Suche anhalten (ein Checkpoint wird geschrieben, damit sie fortgesetzt werden kann) und beenden?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping the search and writing a checkpoint…</source>
        <translation>Suche wird angehalten und ein Checkpoint geschrieben…</translation>
    </message>
</context>
<context>
    <name>sparsenas::PlotExport</name>
    <message>
        <location filename="../widgets/plotexport.cpp" line="+76"/>
        <source>Cannot export %1: there is no plot.</source>
        <translation>%1 kann nicht exportiert werden: Es gibt kein Diagramm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export %1: unsupported format &quot;%2&quot; (use .png, .pdf or .svg).</source>
        <translation>%1 kann nicht exportiert werden: nicht unterstütztes Format „%2“ (.png, .pdf oder .svg verwenden).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>sparsenas::PlotToolRow</name>
    <message>
        <location line="+15"/>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescale the axes to the data and follow new data again</source>
        <translation>Achsen an die Daten anpassen und wieder neuen Daten folgen</translation>
    </message>
</context>
<context>
    <name>sparsenas::ProxBarsPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="-526"/>
        <source>before the step</source>
        <translation>vor dem Schritt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exactly zero</source>
        <translation>exakt null</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>element</source>
        <translation>Element</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>element %1, group %2: %3 → %4</source>
        <translation>Element %1, Gruppe %2: %3 → %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exactly zero: the weight is removed</source>
        <translation>exakt null: Das Gewicht ist entfernt</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
</context>
<context>
    <name>sparsenas::RegPathView</name>
    <message>
        <location filename="../widgets/regpathview.cpp" line="+41"/>
        <source>Cell:</source>
        <translation>Zelle:</translation>
    </message>
    <message>
        <location line="+711"/>
        <source>Recurrent</source>
        <translation>Rekurrent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <location line="-718"/>
        <location line="+220"/>
        <location line="+485"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="-705"/>
        <location line="+705"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-693"/>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>edge</source>
        <translation>Kante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour each path by its edge or by its operation</source>
        <translation>Jeden Pfad nach seiner Kante oder nach seiner Operation färben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every path, the paths into one node, or those of one edge</source>
        <translation>Alle Pfade, die Pfade in einen Knoten oder die einer Kante</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>All paths</source>
        <translation>Alle Pfade</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Into node %1</source>
        <translation>In Knoten %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge %1</source>
        <translation>Kante %1</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Architecture weight A</source>
        <translation>Architekturgewicht A</translation>
    </message>
    <message>
        <location line="+361"/>
        <source>Selected: %1, %2</source>
        <translation>Ausgewählt: %1, %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1, %2: A = %3 at step %4</source>
        <translation>%1, %2: A = %3 bei Schritt %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2: A = %3 at λ = %4</source>
        <translation>%1, %2: A = %3 bei λ = %4</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunActions</name>
    <message>
        <location filename="../app/studio/runactions.cpp" line="+17"/>
        <source>&amp;Start search</source>
        <translation>Suche &amp;starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new search with the configuration on the left</source>
        <translation>Eine neue Suche mit der Konfiguration links starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+37"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Pause or resume the search after the current batch</source>
        <translation>Die Suche nach dem aktuellen Batch pausieren oder fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after the current batch; a checkpoint is written</source>
        <translation>Nach dem aktuellen Batch anhalten; ein Checkpoint wird geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;checkpoint</source>
        <translation>&amp;Checkpoint speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fork from checkpoint…</source>
        <translation>Von Checkpoint a&amp;bzweigen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new run from a checkpoint with the settings on the left</source>
        <translation>Einen neuen Lauf von einem Checkpoint aus mit den Einstellungen links starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume r&amp;un…</source>
        <translation>La&amp;uf fortsetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue a stopped or killed run from its last checkpoint</source>
        <translation>Einen gestoppten oder abgebrochenen Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open run directory…</source>
        <translation>Laufverzeichnis ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export cell for paper…</source>
        <translation>Zelle für Publikation &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;metrics as CSV…</source>
        <translation>&amp;Metriken als CSV exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;valuate derived architecture…</source>
        <translation>Abgeleitete Architektur e&amp;valuieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train the network of the shown run&apos;s genotype on its own and test it (an evaluation preset); the result joins the Evaluations table</source>
        <translation>Das Netz des Genotyps des angezeigten Laufs eigenständig trainieren und testen (eine Evaluierungsvorlage); das Ergebnis kommt in die Tabelle „Evaluierungen“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunFollower</name>
    <message>
        <location filename="../app/studio/runfollower.cpp" line="+38"/>
        <source>%1 is not a run directory: it has no config.json.</source>
        <translation>%1 ist kein Laufverzeichnis: Es enthält keine config.json.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the configuration of %1: %2</source>
        <translation>Die Konfiguration von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>status.json says %1, but no process writes this run any more: it was killed; resume continues from its last checkpoint, or starts it again if it had none</source>
        <translation>status.json meldet %1, aber kein Prozess schreibt diesen Lauf mehr: Er wurde beendet; Fortsetzen macht am letzten Checkpoint weiter oder beginnt neu, wenn es keinen gab</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunSession</name>
    <message>
        <location filename="../app/studio/runsession.cpp" line="+75"/>
        <source>Stop the running search before opening another run.</source>
        <translation>Die laufende Suche anhalten, bevor ein anderer Lauf geöffnet wird.</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunStatusBar</name>
    <message>
        <location filename="../app/studio/runstatusbar.cpp" line="+148"/>
        <source>epoch %1/%2</source>
        <translation>Epoche %1/%2</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+89"/>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+45"/>
        <source>%1 ranks · step %2–%3 s</source>
        <translation>%1 Ränge · Schritt %2–%3 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data-parallel run of %1 processes, step %2:</source>
        <translation>Datenparalleler Lauf mit %1 Prozessen, Schritt %2:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank %1: %2 s</source>
        <translation>Rang %1: %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank 0 exchanged with the others for %1 s (%2 % of the step)</source>
        <translation>Rang 0 tauschte %1 s lang mit den anderen aus (%2 % des Schritts)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>idle</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search finished; the derived cell is in %1</source>
        <translation>Suche abgeschlossen; die abgeleitete Zelle befindet sich in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search stopped; resume it with Run ▸ Resume run.</source>
        <translation>Suche gestoppt; mit Lauf ▸ Lauf fortsetzen wieder aufnehmen.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The search could not start: %1</source>
        <translation>Die Suche konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Epoch %1/%2 · step %3/%4 · ETA %5</source>
        <translation>Epoche %1/%2 · Schritt %3/%4 · Restzeit %5</translation>
    </message>
</context>
<context>
    <name>sparsenas::SearchController</name>
    <message>
        <location filename="../app/studio/searchcontroller.cpp" line="+107"/>
        <source>A search is already running in %1.</source>
        <translation>In %1 läuft bereits eine Suche.</translation>
    </message>
</context>
<context>
    <name>sparsenas::SolverRacePlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="+250"/>
        <source>loss + penalty</source>
        <translation>Verlust + Strafe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exact zeros</source>
        <translation>exakte Nullen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>planted zeros: %1</source>
        <translation>vorgegebene Nullen: %1</translation>
    </message>
</context>
<context>
    <name>sparsenas::SteeringPanel</name>
    <message>
        <location filename="../widgets/steeringpanel.cpp" line="+21"/>
        <location line="+73"/>
        <source>No search running.</source>
        <translation>Keine Suche aktiv.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&lt;i&gt;in force&lt;/i&gt;</source>
        <translation>&lt;i&gt;wirksam&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ (lambda)</source>
        <translation>λ (Lambda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty strength; raised by the lambda step every epoch</source>
        <translation>Stärke des Strafterms; steigt jede Epoche um den Lambda-Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>α (alpha)</source>
        <translation>α (Alpha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the L1 term: 1 = Lasso, 0 = Group Lasso</source>
        <translation>Anteil des L1-Terms: 1 = Lasso, 0 = Group Lasso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>λ step</source>
        <translation>λ-Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added to lambda at the start of every epoch</source>
        <translation>Wird zu Beginn jeder Epoche zu Lambda addiert</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply now; the engine takes it before the next batch</source>
        <translation>Jetzt anwenden; die Engine übernimmt den Wert vor dem nächsten Batch</translation>
    </message>
</context>
<context>
    <name>sparsenas::StudioDialogs</name>
    <message>
        <location filename="../app/studio/studiodialogs.cpp" line="+22"/>
        <source>The search stopped with an error:

%1

Everything up to the last checkpoint is in %2.</source>
        <translation>Die Suche wurde mit einem Fehler beendet:

%1

Alles bis zum letzten Checkpoint befindet sich in %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search could not start:

%1</source>
        <translation>Die Suche konnte nicht starten:

%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot start the search</source>
        <translation>Die Suche kann nicht starten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resume paused from checkpoint</source>
        <translation>Pausiert ab Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 cell collapsed at step %2 (λ = %3): every architecture weight of it is exactly zero. Its gradient is zero too, so it cannot come back, and the network no longer depends on its input.

The search is paused. Roll back to the last checkpoint and lower λ or its step before resuming.</source>
        <translation>Die %1zelle ist bei Schritt %2 kollabiert (λ = %3): Jedes ihrer Architekturgewichte ist exakt null. Auch ihr Gradient ist null, sie kann also nicht zurückkommen, und das Netz hängt nicht mehr von seiner Eingabe ab.

Die Suche ist pausiert. Kehren Sie zum letzten Checkpoint zurück und senken Sie λ oder seine Schrittweite, bevor Sie fortsetzen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cell collapsed</source>
        <translation>Zelle kollabiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back to last checkpoint</source>
        <translation>Zum letzten Checkpoint zurückkehren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume as it is</source>
        <translation>Unverändert fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About SparseNAS Studio</source>
        <translation>Über SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SparseNAS Studio %1&lt;/h3&gt;&lt;p&gt;Neural architecture search as a sparse supernet: a DARTS supernet with linear edges, sparsified by a Sparse Group Lasso penalty with hierarchical proximal optimizers (HAPG, AdamHAPG).&lt;/p&gt;&lt;p&gt;LibTorch %2 · BLAS: %3 · CUDA: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SparseNAS Studio %1&lt;/h3&gt;&lt;p&gt;Neuronale Architektursuche als dünnbesetztes Supernetz: ein DARTS-Supernetz mit linearen Kanten, ausgedünnt durch einen Sparse-Group-Lasso-Strafterm mit hierarchischen proximalen Optimierern (HAPG, AdamHAPG).&lt;/p&gt;&lt;p&gt;LibTorch %2 · BLAS: %3 · CUDA: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>sparsenas::StudioFiles</name>
    <message>
        <location filename="../app/studio/studiofiles.cpp" line="+29"/>
        <source>Load configuration</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>JSON configuration (*.json)</source>
        <translation>JSON-Konfiguration (*.json)</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+7"/>
        <source>Cannot load</source>
        <translation>Laden nicht möglich</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a JSON object; the form is unchanged.</source>
        <translation>%1 ist kein JSON-Objekt; das Formular bleibt unverändert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fork from checkpoint</source>
        <translation>Von Checkpoint abzweigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints (*.pt)</source>
        <translation>Checkpoints (*.pt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a search or open a run first: there is no cell yet.</source>
        <translation>Zuerst eine Suche starten oder einen Lauf öffnen: Es gibt noch keine Zelle.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>;;SVG drawing (*.svg)</source>
        <translation>;;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+26"/>
        <source>Export failed</source>
        <translation>Exportieren fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Export cell graph</source>
        <translation>Zellgraph exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No metrics yet</source>
        <translation>Noch keine Metriken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no metrics.csv yet: it is written at the end of every epoch.</source>
        <translation>%1 hat noch keine metrics.csv: Sie wird am Ende jeder Epoche geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>sparsenas::SurvivalView</name>
    <message>
        <location filename="../widgets/survivalview.cpp" line="+36"/>
        <location line="+36"/>
        <location line="+254"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="-290"/>
        <location line="+290"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>Alive nodes</source>
        <translation>Lebende Knoten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alive paths</source>
        <translation>Lebende Pfade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparsity (%)</source>
        <translation>Sparsität (%)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+2"/>
        <location line="+198"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>normal cell</source>
        <translation>Normalzelle</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+2"/>
        <source>reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>element sparsity (right axis)</source>
        <translation>Element-Sparsität (rechte Achse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group sparsity (right axis)</source>
        <translation>Gruppen-Sparsität (rechte Achse)</translation>
    </message>
    <message>
        <location line="+119"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>recurrent cell</source>
        <translation>rekurrente Zelle</translation>
    </message>
</context>
<context>
    <name>sparsenas::SvgView</name>
    <message>
        <location filename="../widgets/svgview.cpp" line="+180"/>
        <source>No drawing</source>
        <translation>Keine Zeichnung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The drawing could not be read.</source>
        <translation>Die Zeichnung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The drawing of &quot;%1&quot; is not SVG.</source>
        <translation>Die Zeichnung von „%1“ ist kein SVG.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The drawing of &quot;%1&quot; has no size.</source>
        <translation>Die Zeichnung von „%1“ hat keine Größe.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The drawing of &quot;%1&quot; is not valid SVG: %2</source>
        <translation>Die Zeichnung von „%1“ ist kein gültiges SVG: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown image format &quot;%1&quot; (use .png or .pdf)</source>
        <translation>unbekanntes Bildformat „%1“ (.png oder .pdf verwenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the drawing could not be read</source>
        <translation>die Zeichnung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>the drawing is empty</source>
        <translation>die Zeichnung ist leer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PNG encoding failed</source>
        <translation>PNG-Kodierung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PDF output could not be started</source>
        <translation>PDF-Ausgabe konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>sparsenas::SweepPanel</name>
    <message>
        <location filename="../app/studio/sweeppanel.cpp" line="+139"/>
        <source>What every point starts from: a search preset, a configuration file, or the base of an opened sweep. The grid and the settings below change it.</source>
        <translation>Wovon jeder Punkt ausgeht: eine Suchvorlage, eine Konfigurationsdatei oder die Basis eines geöffneten Sweeps. Gitter und Einstellungen darunter ändern sie.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every point from a JSON configuration file instead</source>
        <translation>Jeden Punkt stattdessen von einer JSON-Konfigurationsdatei aus starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One config field per line with the values it takes, e.g. arch.alpha=0.3,0.5,0.7. Every combination is one search; the first line varies slowest.</source>
        <translation>Ein Konfigurationsfeld pro Zeile mit seinen Werten, z. B. arch.alpha=0.3,0.5,0.7. Jede Kombination ist eine Suche; die erste Zeile ändert sich am langsamsten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grid</source>
        <translation>Gitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings for every point, one field=value per line (as --set)</source>
        <translation>Einstellungen für jeden Punkt, ein Feld=Wert pro Zeile (wie --set)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as the cores allow</source>
        <translation>so viele die Kerne erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches at once; the threads of each are chosen so that the cores are not oversubscribed</source>
        <translation>Gleichzeitige Suchen; die Threads jeder Suche werden so gewählt, dass die Kerne nicht überbelegt sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parallel searches</source>
        <translation>Parallele Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no evaluation</source>
        <translation>keine Evaluierung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Train each point&apos;s derived cell on its own after its search and add its test accuracy to the summary</source>
        <translation>Die abgeleitete Zelle jedes Punkts nach seiner Suche eigenständig trainieren und ihre Testgenauigkeit in die Zusammenfassung aufnehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sweep folder: one run directory per point, sweep.json and the summary. Starting a sweep in its own folder again continues it.</source>
        <translation>Der Sweep-Ordner: ein Laufverzeichnis pro Punkt, sweep.json und die Zusammenfassung. Ein erneuter Start im selben Ordner setzt den Sweep fort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the sweep folder</source>
        <translation>Den Sweep-Ordner wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the sweep; in a folder that holds it already, continue it (finished points are not run again)</source>
        <translation>Den Sweep ausführen; in einem Ordner, der ihn schon enthält, fortsetzen (fertige Punkte laufen nicht erneut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every running search after its checkpoint; Start continues</source>
        <translation>Jede laufende Suche nach ihrem Checkpoint anhalten; Starten setzt fort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow a sweep folder, also one running from a terminal</source>
        <translation>Einem Sweep-Ordner folgen, auch einem, der in einem Terminal läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The summary as CSV or Markdown, or the curves as SVG, PDF or PNG, as sparsenas sweep writes them</source>
        <translation>Die Zusammenfassung als CSV oder Markdown oder die Kurven als SVG, PDF oder PNG, wie sparsenas sweep sie schreibt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Double-click a point to open its search in the main window</source>
        <translation>Doppelklick auf einen Punkt öffnet seine Suche im Hauptfenster</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each point&apos;s validation accuracy appears here after its first epoch</source>
        <translation>Die Validierungsgenauigkeit jedes Punkts erscheint hier nach seiner ersten Epoche</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What sparsenas sweep says; each search&apos;s own output is in the sweep folder&apos;s &lt;point&gt;.log</source>
        <translation>Was sparsenas sweep ausgibt; die Ausgabe jeder Suche steht in &lt;Punkt&gt;.log im Sweep-Ordner</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose the base of the sweep: a preset or a configuration file.</source>
        <translation>Die Basis des Sweeps wählen: eine Vorlage oder eine Konfigurationsdatei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The grid is empty: give at least one line field=value,value,...</source>
        <translation>Das Gitter ist leer: mindestens eine Zeile Feld=Wert,Wert,... angeben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Grid line %1: %2</source>
        <translation>Gitterzeile %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grid: %1</source>
        <translation>Gitter: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings line %1 (%2): expected field=value, e.g. search.epochs=10</source>
        <translation>Einstellungszeile %1 (%2): Feld=Wert erwartet, z. B. search.epochs=10</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the sweep folder.</source>
        <translation>Den Sweep-Ordner wählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a run directory; a sweep needs a folder of its own.</source>
        <translation>%1 ist ein Laufverzeichnis; ein Sweep braucht einen eigenen Ordner.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The sweep is running.</source>
        <translation>Der Sweep läuft.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The sweep is running; stop it before opening another.</source>
        <translation>Der Sweep läuft; vor dem Öffnen eines anderen anhalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a sweep folder: %2</source>
        <translation>%1 ist kein Sweep-Ordner: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>base of %1</source>
        <translation>Basis von %1</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Validation accuracy during the search</source>
        <translation>Validierungsgenauigkeit während der Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy (%)</source>
        <translation>Validierungsgenauigkeit (%)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Val. acc. %</source>
        <translation>Val.-Gen. %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zeros %</source>
        <translation>Nullen %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 nodes / paths</source>
        <translation>%1 Knoten / Pfade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search s</source>
        <translation>Suche s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Params M</source>
        <translation>Param. M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test acc. %</source>
        <translation>Testgen. %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>evaluation %1</source>
        <translation>Evaluierung %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Points: %1 · finished %2 · running %3 · failed %4 · waiting or stopped %5</source>
        <translation>Punkte: %1 · fertig %2 · laufend %3 · fehlgeschlagen %4 · wartend oder angehalten %5</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: choose .csv, .md, .svg, .pdf or .png</source>
        <translation>%1: .csv, .md, .svg, .pdf oder .png wählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Base configuration</source>
        <translation>Basiskonfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON configuration (*.json)</source>
        <translation>JSON-Konfiguration (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sweep folder</source>
        <translation>Sweep-Ordner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open sweep folder</source>
        <translation>Sweep-Ordner öffnen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export sweep</source>
        <translation>Sweep exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary CSV (*.csv);;Summary Markdown (*.md);;Curves SVG (*.svg);;Curves PDF (*.pdf);;Curves PNG (*.png)</source>
        <translation>Zusammenfassung CSV (*.csv);;Zusammenfassung Markdown (*.md);;Kurven SVG (*.svg);;Kurven PDF (*.pdf);;Kurven PNG (*.png)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
</context>
<context>
    <name>sparsenas::UnitBallPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="-270"/>
        <source>prox: x₁ = 0</source>
        <translation>Prox: x₁ = 0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>prox: x₂ = 0</source>
        <translation>Prox: x₂ = 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prox: x = 0 (group)</source>
        <translation>Prox: x = 0 (Gruppe)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>point z</source>
        <translation>Punkt z</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prox(z), one step</source>
        <translation>prox(z), ein Schritt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click or drag to move the point z. The arrow is one prox step (Eq. 5). Shaded: the points the prox maps to an exact zero. The SGL unit ball is α‖x‖₁ + (1 − α)√2‖x‖₂ = 1 (one group of two weights).</source>
        <translation>Klicken oder ziehen, um den Punkt z zu verschieben. Der Pfeil ist ein Prox-Schritt (Gl. 5). Schattiert: die Punkte, die der Prox auf eine exakte Null abbildet. Die SGL-Einheitskugel ist α‖x‖₁ + (1 − α)√2‖x‖₂ = 1 (eine Gruppe aus zwei Gewichten).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Lasso: ‖x‖₁ = 1</source>
        <translation>Lasso: ‖x‖₁ = 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group Lasso: √2‖x‖₂ = 1</source>
        <translation>Group Lasso: √2‖x‖₂ = 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGL, α = %1</source>
        <translation>SGL, α = %1</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>here one prox step sets x₁ to exactly 0</source>
        <translation>hier setzt ein Prox-Schritt x₁ exakt auf 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step sets x₂ to exactly 0</source>
        <translation>hier setzt ein Prox-Schritt x₂ exakt auf 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step removes the whole group (x = 0)</source>
        <translation>hier entfernt ein Prox-Schritt die ganze Gruppe (x = 0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step shrinks the point but keeps both coordinates</source>
        <translation>hier schrumpft ein Prox-Schritt den Punkt, behält aber beide Koordinaten</translation>
    </message>
</context>
<context>
    <name>sparsenas::ViewHub</name>
    <message>
        <location filename="../app/studio/viewhub.cpp" line="+143"/>
        <source>λ = %1</source>
        <translation>λ = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>λ step = %1</source>
        <translation>λ-Schritt = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
</context>
</TS>
